// The Winograd filter cache: a filter seen twice keeps its transform U = G g Gᵀ; results stay the
// float64 loop's, new weights (a variable's assign, as every optimiser step does) never meet a
// stale U, training allocates nothing extra, and U is freed with the filter.
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededUniform } from '../../../test/random.js';
import { refConv, refConvGeometry } from '../conv-grad-reference.js';
import { registerWasmTrainingKernels } from '../register-wasm-training-kernels.js';
import type { WasmBackendLike } from '../wasm-kernel-calls.js';
import { cachedFilterBytes } from './filter-cache.js';

const spec = {
  x: [2, 9, 7, 12] as [number, number, number, number],
  k: [3, 3] as [number, number],
  co: 8,
  stride: [1, 1] as [number, number],
  pad: 'same' as const,
};
const g = refConvGeometry(spec);
const maxRel = (a: ArrayLike<number>, ref: Float64Array) => {
  let scale = 0;
  let err = 0;
  for (let i = 0; i < ref.length; i++) {
    scale = Math.max(scale, Math.abs(ref[i] as number));
    err = Math.max(err, Math.abs((a[i] as number) - (ref[i] as number)));
  }
  return err / scale;
};

describe('Winograd filter cache (wasm)', () => {
  let backend: WasmBackendLike;
  beforeAll(async () => {
    registerWasmTrainingKernels();
    await tf.setBackend('wasm');
    backend = tf.backend() as unknown as WasmBackendLike;
  });

  it('keeps U from the second call on, gives the same bits, and frees U with the filter', async () => {
    const xd = seededUniform(1, 2 * 9 * 7 * 12);
    const wd = seededUniform(2, 3 * 3 * 12 * 8);
    const x = tf.tensor4d(xd, spec.x);
    const w = tf.tensor4d(wd, [3, 3, 12, 8]);
    const bytes0 = cachedFilterBytes(backend);
    const buffers = backend.numDataIds();
    const first = tf.conv2d(x, w, 1, 'same');
    expect(cachedFilterBytes(backend)).toBe(bytes0); // seen once: nothing kept (a training step)
    expect(backend.numDataIds()).toBe(buffers + 1);
    const second = tf.conv2d(x, w, 1, 'same');
    // F(2×2): U is [16, 12, 8] floats.
    expect(cachedFilterBytes(backend) - bytes0).toBe(16 * 12 * 8 * 4);
    const third = tf.conv2d(x, w, 1, 'same'); // from the cache
    const ref = refConv(g, xd, wd);
    const [a, b, c] = await Promise.all([first.data(), second.data(), third.data()]);
    expect(maxRel(a, ref)).toBeLessThan(1e-5);
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(Array.from(c)).toEqual(Array.from(a));
    tf.dispose([first, second, third]);
    expect(backend.numDataIds()).toBe(buffers + 1); // the kept U
    w.dispose();
    expect(cachedFilterBytes(backend)).toBe(bytes0);
    expect(backend.numDataIds()).toBe(buffers - 1);
    x.dispose();
  });

  it('never serves a stale U after a variable is assigned new weights', async () => {
    const xd = seededUniform(3, 2 * 9 * 7 * 12);
    const x = tf.tensor4d(xd, spec.x);
    const w0 = tf.tensor4d(seededUniform(4, 3 * 3 * 12 * 8), [3, 3, 12, 8]);
    const v = tf.variable(w0);
    w0.dispose(); // the variable holds the only reference, as a model's weights do
    for (let i = 0; i < 2; i++) tf.conv2d(x, v as tf.Tensor4D, 1, 'same').dispose(); // now cached
    expect(cachedFilterBytes(backend)).toBeGreaterThan(0);
    const wNew = seededUniform(5, 3 * 3 * 12 * 8);
    const w1 = tf.tensor4d(wNew, [3, 3, 12, 8]);
    v.assign(w1);
    w1.dispose();
    expect(cachedFilterBytes(backend)).toBe(0); // the old weights' U went with their buffer
    const y = tf.conv2d(x, v as tf.Tensor4D, 1, 'same');
    expect(maxRel(await y.data(), refConv(g, xd, wNew))).toBeLessThan(1e-5);
    tf.dispose([y, x, v]);
    expect(cachedFilterBytes(backend)).toBe(0);
  });
});
