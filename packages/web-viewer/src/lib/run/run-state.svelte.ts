import type { History, Manifest, Metrics } from '@camkit/core';
import { loadRun } from './load-run.js';

/** The opened run, shared by every view. Parsed JSON is kept raw: it is never mutated in place. */
export class RunState {
  status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
  error = $state<string | null>(null);
  base = $state('');
  manifest = $state.raw<Manifest | null>(null);
  history = $state.raw<History | null>(null);
  metrics = $state.raw<Metrics | null>(null);
  warnings = $state.raw<string[]>([]);

  /** Load (or reload) the run at `base`. Never throws; failures land in `error`. */
  async load(base: string, fetchFn?: Parameters<typeof loadRun>[1]): Promise<void> {
    this.base = base;
    this.status = 'loading';
    this.error = null;
    const r = await loadRun(base, fetchFn);
    if (!r.ok) {
      this.manifest = null;
      this.error = r.error;
      this.status = 'error';
      return;
    }
    this.manifest = r.run.manifest;
    this.history = r.run.history;
    this.metrics = r.run.metrics;
    this.warnings = r.run.warnings;
    this.status = 'ready';
  }
}
