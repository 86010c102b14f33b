import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';

/** The backends every maths test runs on: cpu (the exact reference) and wasm (Node's default fast one). */
export const BACKENDS = ['cpu', 'wasm'] as const;

/** Switches to `name` and fails loudly if it cannot start (a test must never silently fall back). */
export async function useBackend(name: string): Promise<void> {
  const ok = await tf.setBackend(name);
  await tf.ready();
  if (!ok || tf.getBackend() !== name)
    throw new Error(`backend '${name}' did not start (got '${tf.getBackend()}')`);
}

// The array comparisons are shared with the other packages' tests.
export { maxAbs, maxAbsDiff } from '@camkit/test-arrays';
