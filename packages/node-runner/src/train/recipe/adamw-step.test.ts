import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyAdamW, decayedNames } from './adamw-step.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** PyTorch AdamW's update in float64, written out: decay, moments, bias correction, step. */
function adamwReference(w0: number[], grads: number[][], lrs: number[], wd: number, eps = 1e-7) {
  const [b1, b2] = [0.9, 0.999];
  const w = w0.slice();
  const m = w.map(() => 0);
  const v = w.map(() => 0);
  grads.forEach((g, t) => {
    const lr = lrs[t];
    for (let i = 0; i < w.length; i++) {
      w[i] *= 1 - lr * wd;
      m[i] = b1 * m[i] + (1 - b1) * g[i];
      v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
      const mh = m[i] / (1 - b1 ** (t + 1));
      const vh = v[i] / (1 - b2 ** (t + 1));
      w[i] -= (lr * mh) / (Math.sqrt(vh) + eps);
    }
  });
  return w;
}

describe('applyAdamW', () => {
  it('matches a float64 AdamW with a per-step learning rate; biases are not decayed', () => {
    const kernel = tf.variable(tf.tensor2d([0.5, -1, 2, 0.25], [2, 2]), true, 'k');
    const bias = tf.variable(tf.tensor1d([0.3, -0.7]), true, 'b');
    const decay = decayedNames([kernel, bias]);
    expect([...decay]).toEqual(['k']);
    const opt = tf.train.adam(1, 0.9, 0.999, 1e-7);
    const gk = [
      [0.1, -0.2, 0.3, 0.05],
      [-0.4, 0.1, 0.2, -0.1],
      [0.2, 0.2, -0.1, 0.3],
    ];
    const gb = [
      [1, -1],
      [0.5, 0.25],
      [-0.3, 0.1],
    ];
    const lrs = [0.01, 0.05, 0.02];
    const before = tf.memory().numTensors;
    gk.forEach((g, t) => {
      const grads = { k: tf.tensor2d(g, [2, 2]), b: tf.tensor1d(gb[t]) };
      applyAdamW(opt, [kernel, bias], grads, lrs[t], 0.1, decay);
      tf.dispose(Object.values(grads));
    });
    // Adam's moments are created on the first step (2 per variable + the step counters).
    expect(tf.memory().numTensors).toBeLessThanOrEqual(before + 6);
    const wantK = adamwReference([0.5, -1, 2, 0.25], gk, lrs, 0.1);
    const wantB = adamwReference([0.3, -0.7], gb, lrs, 0);
    Array.from(kernel.dataSync()).forEach((x, i) => {
      expect(x).toBeCloseTo(wantK[i], 5);
    });
    Array.from(bias.dataSync()).forEach((x, i) => {
      expect(x).toBeCloseTo(wantB[i], 5);
    });
    opt.dispose();
    tf.dispose([kernel, bias]);
  });
});
