import '@tensorflow/tfjs'; // registers tfjs's gradient configs (tfjs-core's node bundle has none)
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { Rng } from '@camkit/core';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from './register-wasm-training-kernels.js';

const BATCH = 4;
const SIZE = 10;
const CLASSES = 3;

/** conv → maxPool → conv → GAP → dense: every op camNet and vggLike need for training. */
function smallNet(): tfl.Sequential {
  const model = tfl.sequential();
  model.add(
    tfl.layers.conv2d({
      inputShape: [SIZE, SIZE, 3],
      filters: 4,
      kernelSize: 3,
      padding: 'same',
      activation: 'relu',
    }),
  );
  model.add(tfl.layers.maxPooling2d({ poolSize: 2, strides: 2 }));
  // No activation: layers runs this one as a fused conv, whose custom gradient calls the same kernels.
  model.add(tfl.layers.conv2d({ filters: 6, kernelSize: 3, padding: 'valid' }));
  model.add(tfl.layers.globalAveragePooling2d({}));
  model.add(tfl.layers.dense({ units: CLASSES, activation: 'softmax' }));
  return model;
}

function data(seed: number): { x: Float32Array; y: Float32Array } {
  const rng = new Rng(seed); // camkit's one seeded PRNG
  const rand = () => rng.next();
  const x = Float32Array.from({ length: BATCH * SIZE * SIZE * 3 }, rand);
  const y = new Float32Array(BATCH * CLASSES);
  for (let i = 0; i < BATCH; i++) y[i * CLASSES + (i % CLASSES)] = 1;
  return { x, y };
}

/** Trains 3 Adam steps on `backend` from the given initial weights; returns losses and final weights. */
async function train(
  backend: string,
  init: Float32Array[],
): Promise<{ losses: number[]; weights: Float32Array[] }> {
  await tf.setBackend(backend);
  const model = smallNet();
  const initial = init.map((w, i) => tf.tensor(w, model.getWeights()[i].shape));
  model.setWeights(initial);
  tf.dispose(initial);
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
  const { x, y } = data(7);
  const xs = tf.tensor4d(x, [BATCH, SIZE, SIZE, 3]);
  const ys = tf.tensor2d(y, [BATCH, CLASSES]);
  const losses: number[] = [];
  for (let step = 0; step < 3; step++) losses.push((await model.trainOnBatch(xs, ys)) as number);
  const weights = await Promise.all(model.getWeights().map(async (w) => (await w.data()) as Float32Array));
  tf.dispose([xs, ys]);
  model.optimizer.dispose();
  model.dispose();
  return { losses, weights };
}

beforeAll(async () => {
  registerWasmTrainingKernels();
  await tf.setBackend('wasm');
});

describe('training a conv + maxPool + GAP + dense net on wasm', () => {
  it('every kernel a training step runs on cpu is registered for wasm', async () => {
    await tf.setBackend('cpu');
    const model = smallNet();
    const optimizer = tf.train.adam(0.01);
    const { x, y } = data(3);
    const xs = tf.tensor4d(x, [BATCH, SIZE, SIZE, 3]);
    const ys = tf.tensor2d(y, [BATCH, CLASSES]);
    const info = await tf.profile(() => {
      optimizer.minimize(() => tf.losses.softmaxCrossEntropy(ys, model.apply(xs) as tf.Tensor) as tf.Scalar);
      optimizer.minimize(() => tfl.metrics.categoricalCrossentropy(ys, model.apply(xs) as tf.Tensor).mean());
    });
    // kernelNames also lists ops with a custom gradient ('…__op'); those are not kernels.
    const used = [...new Set(info.kernelNames)].filter((name) => !name.endsWith('__op'));
    expect(used).toContain('Conv2DBackpropFilter');
    expect(used).toContain('MaxPoolGrad');
    const missing = used.filter((name) => tf.getKernel(name, 'wasm') == null);
    expect(missing).toEqual([]);
    tf.dispose([xs, ys]);
    optimizer.dispose();
    model.dispose();
    await tf.setBackend('wasm');
  });

  it('3 Adam steps on wasm end at the weights the cpu backend reaches', async () => {
    await tf.setBackend('cpu');
    const seedModel = smallNet();
    const init = await Promise.all(seedModel.getWeights().map(async (w) => (await w.data()) as Float32Array));
    seedModel.dispose();
    const before = tf.memory().numTensors;
    const wasm = await train('wasm', init);
    const cpu = await train('cpu', init);
    expect(tf.memory().numTensors).toBe(before);
    for (let i = 0; i < 3; i++) expect(wasm.losses[i]).toBeCloseTo(cpu.losses[i], 4);
    // The weights really moved (Adam at lr 0.01: ~0.03 in 3 steps), and moved the same way.
    let moved = 0;
    for (let i = 0; i < init.length; i++) {
      for (let j = 0; j < init[i].length; j++) {
        moved = Math.max(moved, Math.abs(cpu.weights[i][j] - init[i][j]));
        expect(Math.abs(wasm.weights[i][j] - cpu.weights[i][j])).toBeLessThanOrEqual(1e-4);
      }
    }
    expect(moved).toBeGreaterThan(0.01);
  });

  it('trains a layers conv with dilationRate 2 (tfjs alone refuses its gradient)', async () => {
    await tf.setBackend('wasm');
    const model = tfl.sequential();
    model.add(
      tfl.layers.conv2d({
        inputShape: [SIZE, SIZE, 3],
        filters: 4,
        kernelSize: 3,
        dilationRate: 2,
        padding: 'same',
        activation: 'relu',
      }),
    );
    model.add(tfl.layers.globalAveragePooling2d({}));
    model.add(tfl.layers.dense({ units: CLASSES, activation: 'softmax' }));
    model.compile({ optimizer: tf.train.adam(0.05), loss: 'categoricalCrossentropy' });
    const { x, y } = data(5);
    const xs = tf.tensor4d(x, [BATCH, SIZE, SIZE, 3]);
    const ys = tf.tensor2d(y, [BATCH, CLASSES]);
    const losses: number[] = [];
    for (let step = 0; step < 8; step++) losses.push((await model.trainOnBatch(xs, ys)) as number);
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses[7]).toBeLessThan(losses[0]);
    tf.dispose([xs, ys]);
    model.optimizer.dispose();
    model.dispose();
  });
});
