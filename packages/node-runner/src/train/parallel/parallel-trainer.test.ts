import '@tensorflow/tfjs'; // registers tfjs's gradient configs (tfjs-core's node bundle has none)
import '@tensorflow/tfjs-backend-wasm';
import { CamkitConv2D, Rng } from '@camkit/core';
import { registerWasmTrainingKernels } from '@camkit/kernels';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParallelTrainer } from './index.js';

const SIZE = 8;
const CLASSES = 3;

// camkit's Conv2D class, as the workers get it when they load the model's JSON (and camNet builds
// it), so both sides run the same kernels (its conv + bias + ReLU is one FusedConv2D under a
// gradient; tfjs-layers' own runs three ops, which round differently).
function net(): tfl.LayersModel {
  const m = tfl.sequential();
  m.add(
    new CamkitConv2D({
      inputShape: [SIZE, SIZE, 3],
      filters: 4,
      kernelSize: 3,
      padding: 'same',
      activation: 'relu',
    }),
  );
  m.add(new CamkitConv2D({ filters: 5, kernelSize: 3, padding: 'same', activation: 'relu' }));
  m.add(tfl.layers.globalAveragePooling2d({}));
  m.add(tfl.layers.dense({ units: CLASSES, activation: 'softmax' }));
  return m;
}

function batch(n: number, seed: number): { xs: Float32Array; ys: Int32Array } {
  const rng = new Rng(seed); // camkit's one seeded PRNG
  const rand = () => rng.next();
  return {
    xs: Float32Array.from({ length: n * SIZE * SIZE * 3 }, rand),
    ys: Int32Array.from({ length: n }, (_, i) => (i * 7 + seed) % CLASSES),
  };
}

/** The same training written the plain way: whole batch, one process, Adam at 0.01. */
async function reference(model: tfl.LayersModel, batches: { xs: Float32Array; ys: Int32Array }[]) {
  const opt = tf.train.adam(0.01);
  const losses: number[] = [];
  for (const b of batches) {
    const loss = tf.tidy(() => {
      const xs = tf.tensor4d(b.xs, [b.ys.length, SIZE, SIZE, 3]);
      const oh = tf.oneHot(tf.tensor1d(b.ys, 'int32'), CLASSES);
      return opt.minimize(() => {
        const p = model.apply(xs, { training: true }) as tf.Tensor;
        return tf.neg(tf.mean(tf.sum(tf.mul(oh, tf.log(tf.clipByValue(p, 1e-7, 1))), 1))) as tf.Scalar;
      }, true)!;
    });
    losses.push((await loss.data())[0]);
    loss.dispose();
  }
  opt.dispose();
  return { losses, weights: await Promise.all(model.getWeights().map((w) => w.data())) };
}

let initial: tf.Tensor[] = [];
const batches = [batch(6, 1), batch(5, 2), batch(6, 3), batch(1, 4)];

beforeAll(async () => {
  registerWasmTrainingKernels();
  await tf.setBackend('wasm');
  initial = net()
    .getWeights()
    .map((w) => w.clone());
});
afterAll(() => tf.dispose(initial));

function fresh(): tfl.LayersModel {
  const m = net();
  m.setWeights(initial);
  return m;
}

describe('createParallelTrainer', () => {
  it.each([
    { workers: 2, applyOn: 'replicas' as const, wasmThreads: 1 },
    { workers: 2, applyOn: 'main' as const, wasmThreads: 1 },
    { workers: 1, applyOn: 'replicas' as const, wasmThreads: 1 },
    { workers: 1, applyOn: 'replicas' as const, wasmThreads: 2 },
  ])(
    '$workers worker(s) × $wasmThreads wasm thread(s), update applied on $applyOn, equals whole-batch training',
    async ({ workers, applyOn, wasmThreads }) => {
      const refModel = fresh();
      const ref = await reference(refModel, batches);
      refModel.dispose();
      const before = tf.memory().numTensors;
      const model = fresh();
      const trainer = await createParallelTrainer({
        model,
        workers,
        learningRate: 0.01,
        applyOn,
        wasmThreads,
      });
      const losses: number[] = [];
      const accuracies: number[] = [];
      try {
        // Includes an odd batch (3 + 2) and a batch of 1 (the second worker only applies the update).
        for (const b of batches) {
          const r = await trainer.trainStep(b.xs, b.ys);
          losses.push(r.loss);
          accuracies.push(r.accuracy);
        }
        await trainer.copyWeightsTo(model);
      } finally {
        await trainer.dispose();
      }
      for (const [i, l] of losses.entries()) expect(l).toBeCloseTo(ref.losses[i], 5);
      // Accuracy is a fraction of the batch: k/6, k/5 or k/1.
      for (const [i, a] of accuracies.entries()) {
        expect(Math.abs(a * batches[i].ys.length - Math.round(a * batches[i].ys.length))).toBeLessThan(1e-9);
      }
      const got = await Promise.all(model.getWeights().map((w) => w.data()));
      let moved = 0;
      got.forEach((w, i) => {
        for (let j = 0; j < w.length; j++) {
          expect(Math.abs(w[j] - ref.weights[i][j])).toBeLessThanOrEqual(1e-5);
          moved = Math.max(moved, Math.abs(w[j] - initial[i].dataSync()[j]));
        }
      });
      expect(moved).toBeGreaterThan(0.02);
      model.dispose();
      expect(tf.memory().numTensors).toBe(before);
    },
  );

  it('resumes from saved weights and Adam state exactly where it stopped', async () => {
    const refModel = fresh();
    const ref = await reference(refModel, batches);
    refModel.dispose();
    const model = fresh();
    const first = await createParallelTrainer({ model, workers: 2, learningRate: 0.01 });
    let slots: Awaited<ReturnType<typeof first.getOptimizerWeights>>;
    try {
      for (const b of batches.slice(0, 2)) await first.trainStep(b.xs, b.ys);
      await first.copyWeightsTo(model);
      slots = await first.getOptimizerWeights();
    } finally {
      await first.dispose();
    }
    // iterations + first and second moments of the 6 trainable variables.
    expect(slots.length).toBe(1 + 2 * model.trainableWeights.length);
    // The checkpoint is restored into the other update mode: the slot format is shared.
    const second = await createParallelTrainer({ model, workers: 2, learningRate: 0.01, applyOn: 'main' });
    try {
      await second.setOptimizerWeights(slots);
      for (const b of batches.slice(2)) await second.trainStep(b.xs, b.ys);
      await second.copyWeightsTo(model);
    } finally {
      await second.dispose();
    }
    const got = await Promise.all(model.getWeights().map((w) => w.data()));
    got.forEach((w, i) => {
      for (let j = 0; j < w.length; j++) expect(Math.abs(w[j] - ref.weights[i][j])).toBeLessThanOrEqual(1e-5);
    });
    model.dispose();
  });

  it('reports accuracy as the fraction predicted right, and rejects bad or overlapping calls', async () => {
    const model = fresh();
    const b = batch(6, 9);
    const probs = model.predict(tf.tensor4d(b.xs, [6, SIZE, SIZE, 3])) as tf.Tensor;
    const pred = await tf.argMax(probs, 1).data();
    const expected = Array.from(pred).filter((p, i) => p === b.ys[i]).length / 6;
    const trainer = await createParallelTrainer({ model, workers: 2 });
    try {
      expect((await trainer.trainStep(b.xs, b.ys)).accuracy).toBeCloseTo(expected, 6);
      await expect(trainer.trainStep(new Float32Array(10), new Int32Array(2))).rejects.toThrow(
        /expected 2 × 192/,
      );
      const running = trainer.trainStep(b.xs, b.ys);
      await expect(trainer.trainStep(b.xs, b.ys)).rejects.toThrow(/before the previous step finished/);
      await running;
    } finally {
      await trainer.dispose();
      model.dispose();
      probs.dispose();
    }
    await expect(trainer.trainStep(b.xs, b.ys)).rejects.toThrow(/after dispose/);
  });
});
