import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { BatchNormTrain, batchNormTrain, CamkitError } from '@camkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchNormTrainWasmConfig } from './batch-norm-train-wasm.js';
import { registerWasmTrainingKernels } from './register-wasm-training-kernels.js';

function values(n: number, seed: number, scale = 1, shift = 0): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => {
    const s = Math.sin(i * 12.9898 + seed * 78.233) * 43758.5453;
    return (s - Math.floor(s) - 0.5) * 2 * scale + shift;
  });
}

interface Case {
  shape: number[];
}
// Channels a multiple of 4 run the generated SIMD passes; 6 and 33 the JS loops.
const CASES: Case[] = [
  { shape: [4, 5, 3, 6] },
  { shape: [7, 16] },
  { shape: [3, 7, 5, 32] },
  { shape: [2, 9, 9, 33] },
  { shape: [1, 1, 3, 4] },
];

/** y, mean, variance and the gradients of Σ w·y² w.r.t. x, γ, β on the active backend. */
function run(shape: number[]): number[][] {
  const n = shape.reduce((a, b) => a * b, 1);
  const c = shape[shape.length - 1];
  const x = tf.tensor(values(n, 1, 3, 0.7), shape);
  const w = tf.tensor(values(n, 2), shape);
  const gamma = tf.tensor1d(values(c, 3, 0.5, 1));
  const beta = tf.tensor1d(values(c, 4));
  const f = (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) =>
    tf.tidy(() => {
      const r = batchNormTrain(a, g as tf.Tensor1D, b as tf.Tensor1D, 1e-3);
      tf.dispose([r.mean, r.variance]);
      return tf.sum(tf.mul(tf.square(r.y), w));
    });
  const r = batchNormTrain(x, gamma, beta, 1e-3);
  const grads = tf.grads(f)([x, gamma, beta]);
  const out = [r.y, r.mean, r.variance, ...grads].map((t) => Array.from(t.dataSync()));
  tf.dispose([x, w, gamma, beta, r.y, r.mean, r.variance, ...grads]);
  return out;
}

beforeAll(async () => {
  registerWasmTrainingKernels();
  await tf.setBackend('wasm');
});

describe('wasm CamkitBatchNormTrain / Grad', () => {
  it('is registered for wasm, so batchNormTrain runs it there', () => {
    expect(tf.getKernel(BatchNormTrain, 'wasm')).toBe(batchNormTrainWasmConfig);
    expect(tf.getKernel(BatchNormTrain, 'cpu')).toBeUndefined();
  });

  it.each(CASES)(
    'equals the tfjs-op composition on cpu for $shape (y, statistics, dx, dγ, dβ)',
    async ({ shape }) => {
      const before = tf.memory().numTensors;
      const wasm = run(shape);
      expect(tf.memory().numTensors).toBe(before);
      await tf.setBackend('cpu');
      const cpu = run(shape);
      await tf.setBackend('wasm');
      const names = ['y', 'mean', 'variance', 'dx', 'dgamma', 'dbeta'];
      for (let k = 0; k < cpu.length; k++) {
        const scale = Math.max(1, ...cpu[k].map(Math.abs));
        let worst = 0;
        for (let i = 0; i < cpu[k].length; i++) worst = Math.max(worst, Math.abs(wasm[k][i] - cpu[k][i]));
        expect({ name: names[k], rel: worst / scale < 2e-5 }).toEqual({ name: names[k], rel: true });
      }
    },
  );

  it('refuses a per-channel tensor of the wrong length with a CamkitError', () => {
    const x = tf.zeros([2, 3, 4]);
    const g = tf.ones([3]) as tf.Tensor1D;
    const b = tf.zeros([4]) as tf.Tensor1D;
    expect(() => batchNormTrain(x, g, b, 1e-3)).toThrow(CamkitError);
    expect(() => batchNormTrain(x, g, b, 1e-3)).toThrow(/scale must be \[4\]/);
    tf.dispose([x, g, b]);
  });
});
