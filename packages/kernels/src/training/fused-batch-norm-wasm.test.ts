// Inference-mode batch norm on wasm (one SIMD pass) against a float64 loop written from the
// definition y = (x − μ)·γ/√(σ² + ε) + β and bit for bit against stock tfjs-backend-wasm, including
// the cases delegated to stock, and its gradient (tfjs's, unchanged) against cpu.
import '@tensorflow/tfjs'; // registers tfjs's gradient configs
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededUniform } from '../../test/random.js';
import { fusedBatchNormWasmConfig } from './fused-batch-norm-wasm.js';
import { registerWasmTrainingKernels } from './register-wasm-training-kernels.js';
import { replaceKernels, restoreKernels } from './stock-kernels.js';
import type { WasmBackendLike } from './wasm-kernel-calls.js';

interface Case {
  name: string;
  shape: number[];
  offset: boolean;
  scale: boolean;
}
const CASES: Case[] = [
  { name: 'NHWC, C 16 (SIMD)', shape: [2, 5, 3, 16], offset: true, scale: true },
  { name: 'rank 2, C 8, no scale (SIMD)', shape: [7, 8], offset: true, scale: false },
  { name: 'C 4, no offset (SIMD)', shape: [1, 3, 3, 4], offset: false, scale: true },
  { name: 'C 6 (stock)', shape: [2, 4, 4, 6], offset: true, scale: true },
];
const EPS = 1e-3;

function reference(
  x: Float32Array,
  c: number,
  mu: Float32Array,
  v: Float32Array,
  beta: Float32Array | null,
  gamma: Float32Array | null,
): Float64Array {
  return Float64Array.from(x, (xi, i) => {
    const k = i % c;
    return (
      ((xi - (mu[k] as number)) * (gamma ? (gamma[k] as number) : 1)) / Math.sqrt((v[k] as number) + EPS) +
      (beta ? (beta[k] as number) : 0)
    );
  });
}

describe('FusedBatchNorm on wasm', () => {
  beforeAll(async () => {
    registerWasmTrainingKernels();
    await tf.setBackend('wasm');
    // tf.batchNorm really reaches camkit's kernel (which delegates the C 6 case to stock).
    expect(tf.getKernel('FusedBatchNorm', 'wasm')?.kernelFunc).toBe(fusedBatchNormWasmConfig.kernelFunc);
  });

  it.each(CASES)('equals the float64 loop, and its gradient (with γ and β) equals cpu: $name', async (c) => {
    const n = c.shape.reduce((a, b) => a * b, 1);
    const ch = c.shape[c.shape.length - 1] as number;
    const xd = seededUniform(1, n).map((t) => 3 * t + 0.5);
    const mu = seededUniform(2, ch);
    const v = seededUniform(3, ch).map((t) => t * t * 2 + 0.1);
    const beta = c.offset ? seededUniform(4, ch) : null;
    const gamma = c.scale ? seededUniform(5, ch).map((t) => t + 1.5) : null;
    const run = (): [ArrayLike<number>, ArrayLike<number> | null] => {
      let out: [ArrayLike<number>, ArrayLike<number> | null] = [[], null];
      tf.tidy(() => {
        const x = tf.tensor(xd, c.shape);
        const f = (xx: tf.Tensor) =>
          tf.batchNorm(
            xx,
            tf.tensor1d(mu),
            tf.tensor1d(v),
            beta ? tf.tensor1d(beta) : undefined,
            gamma ? tf.tensor1d(gamma) : undefined,
            EPS,
          );
        const y = f(x);
        // tfjs's gradient needs both γ and β (on cpu too it fails without them).
        const dx =
          c.offset && c.scale
            ? tf
                .grad((xx: tf.Tensor) => tf.sum(tf.square(f(xx))))(x)
                .dataSync()
            : null;
        out = [y.dataSync(), dx];
      });
      return out;
    };
    const backend = tf.backend() as unknown as WasmBackendLike;
    const buffers = backend.numDataIds();
    const [y, dx] = run();
    expect(backend.numDataIds()).toBe(buffers); // nothing left behind
    const ref = reference(xd, ch, mu, v, beta, gamma);
    let err = 0;
    let scale = 0;
    for (let i = 0; i < n; i++) {
      err = Math.max(err, Math.abs((y[i] as number) - (ref[i] as number)));
      scale = Math.max(scale, Math.abs(ref[i] as number));
    }
    expect(err / scale).toBeLessThan(1e-6);
    restoreKernels([fusedBatchNormWasmConfig]);
    const [yStock] = run();
    replaceKernels([fusedBatchNormWasmConfig]);
    expect(Array.from(y)).toEqual(Array.from(yStock)); // stock's operations in stock's order
    await tf.setBackend('cpu');
    const [, dxCpu] = run();
    await tf.setBackend('wasm');
    if (dx && dxCpu) {
      let gerr = 0;
      for (let i = 0; i < n; i++) gerr = Math.max(gerr, Math.abs((dx[i] as number) - (dxCpu[i] as number)));
      expect(gerr).toBeLessThan(1e-4);
    }
  });
});
