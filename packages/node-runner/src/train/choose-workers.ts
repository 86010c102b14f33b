import { availableParallelism, loadavg } from 'node:os';
import * as tf from '@tensorflow/tfjs-core';
import { readCheckpoint } from './checkpoint.js';
import { resolveWorkers } from './resolve-workers.js';
import type { TrainCommandOptions } from './run-train.js';

/**
 * `--workers`, said out loud: 'auto' reports what it chose and why, and on --resume keeps the
 * checkpoint's count, since another count sums the gradients in another order (not bit-identical).
 */
export function chooseWorkers(o: Pick<TrainCommandOptions, 'resume' | 'out' | 'workers'>): {
  workers: number;
  note: string | null;
  warn: string | null;
} {
  const backend = tf.getBackend();
  const ck = o.resume ? readCheckpoint(o.out) : null;
  if (o.workers === 'auto' || o.workers === undefined) {
    if (ck?.workers !== undefined && (ck.workers === 1 || backend === 'wasm')) {
      const note = `--workers auto: ${ck.workers}, as the run being resumed (a bit-identical continuation)`;
      return { workers: ck.workers, note, warn: null };
    }
    const cores = availableParallelism();
    const load = loadavg()[0];
    const n = resolveWorkers('auto', backend, cores, load);
    const why =
      backend !== 'wasm'
        ? `worker threads need the wasm backend (running ${backend})`
        : cores < 2
          ? `${cores} core`
          : `${cores} cores, 1-min load ${load.toFixed(2)} ${n === 2 ? '≤' : '>'} ${cores - 1}`;
    const note = `--workers auto: ${n} ${n === 1 ? 'thread (this one)' : 'worker threads'} (${why})`;
    return { workers: n, note, warn: null };
  }
  const n = resolveWorkers(o.workers, backend);
  const warn =
    ck?.workers !== undefined && ck.workers !== n
      ? `--workers ${n}: the run being resumed trained with ${ck.workers}; it continues, but not bit-identically to a straight run`
      : null;
  return { workers: n, note: null, warn };
}
