import { availableParallelism, loadavg } from 'node:os';
import type { Log } from '../log.js';
import { resolveWorkers } from '../train/resolve-workers.js';

/**
 * Resolves `--concurrency`: 'auto' is train's `--workers auto` rule (2 on wasm when two cores are
 * free, else 1). Worker threads run the wasm backend, so on any other backend an explicit N > 1
 * falls back to this thread with a one-line note.
 */
export function resolveConcurrency(
  value: number | 'auto',
  backend: string,
  log: Log,
  cores: number = availableParallelism(),
  load: number = loadavg()[0],
): number {
  if (value === 'auto') {
    const n = resolveWorkers('auto', backend, cores, load);
    log.info(`--concurrency auto: ${n} (${backend}, ${cores} core(s), 1-min load ${load.toFixed(2)})`);
    return n;
  }
  if (value > 1 && backend !== 'wasm') {
    log.info(
      `--concurrency ${value}: worker threads run the wasm backend only (running ${backend}); explaining in this thread`,
    );
    return 1;
  }
  return value;
}
