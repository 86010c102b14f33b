// BatchMatMul with a transposed weight on wasm: a · Wᵀ through a kept Wᵀ equals the float64 loop,
// keeps Wᵀ from the second call on, frees it with the weight, and leaves everything else to stock.
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { relError } from '../../test/grad-suite.js';
import { seededUniform } from '../../test/random.js';
import { registerWasmTrainingKernels } from './register-wasm-training-kernels.js';
import { cachedFilterBytes } from './simd/filter-cache.js';
import type { WasmBackendLike } from './wasm-kernel-calls.js';

/** out[b, i, j] = Σ_t a[b, i, t] · w[(b,) j, t] in float64 (w is [N, K], batched if `wBatched`). */
function refABt(
  a: Float32Array,
  w: Float32Array,
  batch: number,
  m: number,
  k: number,
  n: number,
  wBatched: boolean,
) {
  const out = new Float64Array(batch * m * n);
  for (let b = 0; b < batch; b++) {
    const wb = wBatched ? b * n * k : 0;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let t = 0; t < k; t++) s += (a[(b * m + i) * k + t] as number) * (w[wb + j * k + t] as number);
        out[(b * m + i) * n + j] = s;
      }
    }
  }
  return out;
}

describe('BatchMatMul a · Wᵀ on wasm', () => {
  let backend: WasmBackendLike;
  beforeAll(async () => {
    registerWasmTrainingKernels();
    await tf.setBackend('wasm');
    backend = tf.backend() as unknown as WasmBackendLike;
  });

  it.each([
    ['[3, 7] · [5, 7]ᵀ', [3, 7], [5, 7]],
    ['[2, 3, 7] · [1, 5, 7]ᵀ (a batch-1 weight)', [2, 3, 7], [1, 5, 7]],
    ['[1, 1000] · [512, 1000]ᵀ (ResNet-18 head gradient)', [1, 1000], [512, 1000]],
  ])(
    '%s: equals the float64 loop on every call; Wᵀ kept from the second, freed with W',
    async (_, aShape, wShape) => {
      const batch = aShape.length === 3 ? (aShape[0] as number) : 1;
      const [m, k] = aShape.slice(-2) as [number, number];
      const n = wShape.at(-2) as number;
      const av = seededUniform(3, batch * m * k);
      const wv = seededUniform(4, n * k);
      const a = tf.tensor(av, aShape);
      const w = tf.tensor(wv, wShape);
      const ref = refABt(av, wv, batch, m, k, n, false);
      const bytes0 = cachedFilterBytes(backend);
      const tensors = tf.memory().numTensors;
      const outs: tf.Tensor[] = [];
      for (let call = 0; call < 3; call++) {
        outs.push(tf.matMul(a, w, false, true));
        // Seen once: nothing kept (a training step's fresh weights); from the second call, Wᵀ.
        expect(cachedFilterBytes(backend) - bytes0).toBe(call === 0 ? 0 : n * k * 4);
      }
      for (const o of outs) {
        expect(o.shape).toEqual([...(aShape.length === 3 ? [batch] : []), m, n]);
        expect(relError(await o.data(), ref)).toBeLessThan(1e-5);
      }
      tf.dispose(outs);
      expect(tf.memory().numTensors).toBe(tensors);
      w.dispose();
      expect(cachedFilterBytes(backend)).toBe(bytes0);
      a.dispose();
    },
  );

  it('a batched weight and untransposed products go to the stock kernel, and are right', async () => {
    const av = seededUniform(5, 2 * 3 * 4);
    const wv = seededUniform(6, 2 * 5 * 4);
    const a = tf.tensor3d(av, [2, 3, 4]);
    const w = tf.tensor3d(wv, [2, 5, 4]);
    const bytes0 = cachedFilterBytes(backend);
    for (let call = 0; call < 2; call++) {
      const y = tf.matMul(a, w, false, true);
      expect(relError(await y.data(), refABt(av, wv, 2, 3, 4, 5, true))).toBeLessThan(1e-5);
      y.dispose();
    }
    expect(cachedFilterBytes(backend)).toBe(bytes0);
    const wT = tf.transpose(w, [0, 2, 1]);
    const y = tf.matMul(a, wT);
    expect(relError(await y.data(), refABt(av, wv, 2, 3, 4, 5, true))).toBeLessThan(1e-5);
    tf.dispose([a, w, wT, y]);
  });

  it("is a Dense layer's input gradient: tf.grad of x · W gives dy · Wᵀ", async () => {
    const xv = seededUniform(7, 2 * 6);
    const wv = seededUniform(8, 6 * 4);
    const dyv = seededUniform(9, 2 * 4);
    const x = tf.tensor2d(xv, [2, 6]);
    const w = tf.tensor2d(wv, [6, 4]);
    const dy = tf.tensor2d(dyv, [2, 4]);
    // dx[i, t] = Σ_j dy[i, j] · W[t, j]: the reference with W read as [N=6, K=4] rows.
    const ref = refABt(dyv, wv, 1, 2, 4, 6, false);
    for (let call = 0; call < 3; call++) {
      const dx = tf.grad((v: tf.Tensor) => tf.matMul(v as tf.Tensor2D, w))(x, dy);
      expect(relError(await dx.data(), ref)).toBeLessThan(1e-5);
      dx.dispose();
    }
    tf.dispose([x, w, dy]);
  });

  it('is the kernel registered for wasm', () => {
    expect(tf.getKernel('BatchMatMul', 'wasm')?.kernelFunc.name).toBe('batchMatMulWasm');
  });
});
