import '@tensorflow/tfjs'; // registers tfjs's gradient configs (tfjs-core's node bundle has none)
import '@tensorflow/tfjs-backend-wasm';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { camNet } from '@camkit/core';
import { registerWasmTrainingKernels } from '@camkit/kernels';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Log } from '../log.js';
import { Rng } from '@camkit/core';
import { seededInit } from './seeded-init.js';
import { type ImageSet, type Recipe, trainModel } from './train-model.js';

const SIZE = 8;
const quiet: Log = { info: () => {}, warn: () => {} };

beforeAll(async () => {
  registerWasmTrainingKernels();
  await tf.setBackend('wasm');
});

/** An imbalanced 3-class set: class k is a bright k-th third of the image, plus noise. */
function data(n: number, seed: number): ImageSet {
  const rng = new Rng(seed);
  const labels = Int32Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 2 : i % 2));
  const images = new Float32Array(n * SIZE * SIZE * 3);
  labels.forEach((l, i) => {
    for (let p = 0; p < SIZE * SIZE * 3; p++) {
      const col = Math.floor(p / 3) % SIZE;
      images[i * SIZE * SIZE * 3 + p] = 0.3 * rng.next() + (Math.floor((col * 3) / SIZE) === l ? 0.7 : 0);
    }
  });
  return { images, labels, height: SIZE, width: SIZE, channels: 3 };
}

const FULL: Recipe = {
  schedule: 'cosine',
  warmupEpochs: 0.5,
  weightDecay: 0.01,
  labelSmoothing: 0.1,
  balance: true,
  augment: { flip: false, shift: 1 },
};

async function run(
  dir: string,
  epochs: number,
  o: { recipe: Recipe; resume?: boolean; workers?: number; stopAfter?: number; lr?: number },
) {
  const model = camNet({ inputSize: SIZE, filters: [4, 6], numClasses: 3, batchNorm: true });
  seededInit(model, 3, 'glorot');
  const crash = new Error('simulated crash');
  try {
    const history = await trainModel(model, data(40, 1), data(12, 2), {
      runDir: dir,
      epochs,
      batchSize: 8,
      learningRate: o.lr ?? 0.01,
      seed: 7,
      numClasses: 3,
      resume: Boolean(o.resume),
      config: { test: 1 },
      recipe: o.recipe,
      workers: o.workers ?? 1,
      log: quiet,
      onCheckpoint: (done) => {
        if (done === o.stopAfter) throw crash;
      },
    });
    const weights = await Promise.all(model.getWeights().map((w) => w.data()));
    return { history, weights };
  } catch (err) {
    if (err !== crash) throw err;
    return null;
  } finally {
    model.dispose();
  }
}

const tmp = () => mkdtempSync(join(tmpdir(), 'camkit-train-'));
const losses = (h: { epochs: { loss: number; valLoss: number | null }[] }) =>
  h.epochs.map((e) => [e.loss, e.valLoss]);

describe('trainModel recipe', () => {
  for (const workers of [1, 2]) {
    it(`a crash + --resume under the full recipe is bit-identical to a straight run (workers ${workers})`, async () => {
      const straight = (await run(tmp(), 3, { recipe: FULL, workers }))!;
      const dir = tmp();
      expect(await run(dir, 3, { recipe: FULL, workers, stopAfter: 1 })).toBeNull();
      const resumed = (await run(dir, 3, { recipe: FULL, workers, resume: true }))!;
      // Bit for bit: the same float32 losses and weights.
      expect(losses(resumed.history)).toEqual(losses(straight.history));
      expect(resumed.weights).toEqual(straight.weights);
      expect(straight.history.epochs[2].loss).toBeLessThan(straight.history.epochs[0].loss);
    }, 600_000); // three trainings, each starting worker threads: slow on a loaded box
  }

  it('extends a finished constant-rate run with a larger --epochs, bit-identically', async () => {
    const recipe: Recipe = { ...FULL, schedule: 'constant' };
    const straight = (await run(tmp(), 3, { recipe }))!;
    const dir = tmp();
    await run(dir, 1, { recipe });
    const extended = (await run(dir, 3, { recipe, resume: true }))!;
    expect(losses(extended.history)).toEqual(losses(straight.history));
    expect(extended.weights).toEqual(straight.weights);
  });

  it('refuses to extend a cosine run (its rates depend on --epochs)', async () => {
    const dir = tmp();
    await run(dir, 1, { recipe: FULL });
    await expect(run(dir, 3, { recipe: FULL, resume: true })).rejects.toThrow(
      /--schedule cosine, whose rates depend on --epochs/,
    );
  });

  it('--patience stops when validation accuracy stops improving and keeps the best epoch', async () => {
    // lr 0: the weights never change, so the first epoch stays the best and, with patience 2,
    // training stops after the third.
    const dir = tmp();
    const r = (await run(dir, 10, { recipe: { ...FULL, patience: 2 }, lr: 0 }))!;
    expect(r.history.epochs).toHaveLength(3);
    const ck = JSON.parse(readFileSync(join(dir, 'checkpoint.json'), 'utf8'));
    expect(ck.best.epoch).toBe(0);
    // Resuming a run that already stopped trains nothing more.
    const again = (await run(dir, 10, { recipe: { ...FULL, patience: 2 }, lr: 0, resume: true }))!;
    expect(again.history.epochs).toHaveLength(3);
  });
});
