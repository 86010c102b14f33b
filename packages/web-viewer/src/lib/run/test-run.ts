// Test helper: a RunState already loaded from hand-written JSON (no fetch).
import { type History, type Metrics, parseManifest } from '@camkit/core';
import { RunState } from './run-state.svelte.js';

export const TEST_BASE = 'http://camkit.test/run/';

/** A RunState in the 'ready' state for `manifestJson` (validated by core's schema, defaults applied). */
export function readyRun(
  manifestJson: unknown,
  extra: { history?: History | null; metrics?: Metrics | null } = {},
): RunState {
  const parsed = parseManifest(manifestJson);
  if (!parsed.ok) throw new Error(parsed.error);
  const run = new RunState();
  run.base = TEST_BASE;
  run.manifest = parsed.manifest;
  run.history = extra.history ?? null;
  run.metrics = extra.metrics ?? null;
  run.status = 'ready';
  return run;
}

/** A fetch that serves `files` (run-relative path -> bytes or text) under {@link TEST_BASE}, else 404. */
export function runFetch(files: Record<string, Uint8Array | string>): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const url = String(input instanceof Request ? input.url : input);
    const rel = url.startsWith(TEST_BASE) ? decodeURIComponent(url.slice(TEST_BASE.length)) : null;
    const body = rel === null ? undefined : files[rel];
    if (body === undefined) return new Response('not found', { status: 404 });
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
    return new Response(bytes.slice().buffer, { status: 200 });
  }) as typeof fetch;
}
