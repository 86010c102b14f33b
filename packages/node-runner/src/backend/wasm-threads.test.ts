import '@tensorflow/tfjs'; // registers tfjs's gradient configs (tfjs-core's node bundle has none)
import '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels } from '@camkit/kernels';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { initThreadedWasmBackend } from './wasm-threads.js';

function maxRelErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    d = Math.max(d, Math.abs(a[i] - b[i]));
    s = Math.max(s, Math.abs(b[i]));
  }
  return d / s;
}

describe('initThreadedWasmBackend', () => {
  it('runs the threaded wasm build on 2 threads, computes what cpu computes, and restores the globals', async () => {
    const blob = globalThis.Blob;
    const createObjectURL = URL.createObjectURL;
    registerWasmTrainingKernels();
    expect(await initThreadedWasmBackend(2)).toBe(2);
    expect(tf.getBackend()).toBe('wasm');
    expect(globalThis.Blob).toBe(blob);
    expect(URL.createObjectURL).toBe(createObjectURL);

    // Big enough that XNNPACK splits the work between the threads.
    const xs = Float32Array.from({ length: 4 * 24 * 24 * 16 }, (_, i) => Math.sin(i * 0.37));
    const ws = Float32Array.from({ length: 3 * 3 * 16 * 32 }, (_, i) => Math.cos(i * 0.11));
    const run = async () => {
      const x = tf.tensor4d(xs, [4, 24, 24, 16]);
      const w = tf.tensor4d(ws, [3, 3, 16, 32]);
      const f = (a: tf.Tensor, b: tf.Tensor) =>
        tf.relu(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'same'));
      const y = f(x, w);
      const [dx, dw] = tf.grads(f)([x, w]);
      const out = [await y.data(), await dx.data(), await dw.data()];
      tf.dispose([x, w, y, dx, dw]);
      return out;
    };
    const threaded = await run();
    await tf.setBackend('cpu');
    const cpu = await run();
    await tf.setBackend('wasm');
    for (let i = 0; i < 3; i++) expect(maxRelErr(threaded[i], cpu[i])).toBeLessThanOrEqual(1e-4);
  });

  it('refuses to run once the wasm backend is initialised', async () => {
    await expect(initThreadedWasmBackend(2)).rejects.toThrow(/already initialised/);
  });
});
