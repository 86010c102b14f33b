import { availableParallelism, loadavg } from 'node:os';
import { CliError } from '../errors.js';

/**
 * Resolves `--workers`. 'auto' uses both cores when they are free: on an idle 2-core box two
 * data-parallel wasm workers trained 1.6× faster than the main thread (273 vs 169 img/s at the
 * demo's scale, BENCHMARKS.md), but when other processes already held the cores they measured
 * 0.78–0.96×, so 'auto' falls back to the main thread when the 1-minute load says the second
 * core is busy. Workers need the wasm backend.
 */
export function resolveWorkers(
  workers: number | 'auto' | undefined,
  backend: string,
  cores: number = availableParallelism(),
  load: number = loadavg()[0],
): number {
  if (typeof workers === 'number') {
    if (workers > 1 && backend !== 'wasm') {
      throw new CliError(
        `--workers ${workers}: data-parallel training needs --backend wasm (running ${backend})`,
      );
    }
    return workers;
  }
  if (backend !== 'wasm' || cores < 2) return 1;
  return load <= cores - 1 ? 2 : 1;
}
