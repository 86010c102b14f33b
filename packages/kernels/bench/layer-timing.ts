// Helpers the per-layer benches (conv-layers, depthwise-layers) share.
import type * as tf from '@tensorflow/tfjs-core';

/** `--name value` from the command line, else `fallback`. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
}

export const median = (v: number[]): number =>
  [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] as number;

/** Milliseconds of one call, including the read-back that forces the work to finish. */
export function once(f: () => tf.Tensor): number {
  const t = performance.now();
  const r = f();
  r.dataSync();
  const ms = performance.now() - t;
  r.dispose();
  return ms;
}
