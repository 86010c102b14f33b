import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CamkitError } from '../errors.js';
import { deletionInsertion, trapezoidAuc } from './deletion-insertion.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// A "model" whose class-0 probability is the mean pixel value: easy to follow by hand.
let calls: number[] = [];
const meanModel = (batch: tf.Tensor4D): tf.Tensor2D => {
  calls.push(batch.shape[0]);
  const s = tf.reshape(tf.mean(batch, [1, 2, 3]), [-1, 1]);
  return tf.concat([s, tf.sub(1, s)], 1) as tf.Tensor2D;
};

describe('deletionInsertion', () => {
  // 2×2 grey image and a map ranking pixels 0, 2, 3, 1.
  const pixels = [1, 0.5, 0.25, 0];
  const map = [0.9, 0.1, 0.5, 0.2];

  it('follows the hand-computed curves and areas, in batches, without leaks', async () => {
    const image = tf.tensor3d(pixels, [2, 2, 1]);
    const before = tf.memory().numTensors;
    calls = [];
    const r = await deletionInsertion(meanModel, image, map, {
      steps: 4,
      classIndex: 0,
      baseline: 'zero',
      insertionBaseline: 0,
      batchSize: 2,
    });
    expect(tf.memory().numTensors).toBe(before);
    image.dispose();
    expect(r.fractions).toEqual([0, 0.25, 0.5, 0.75, 1]);
    // Deletion: remove pixel 0 (1.0), then 2 (0.25), then 3 (0), then 1 (0.5).
    const del = [0.4375, 0.1875, 0.125, 0.125, 0];
    const ins = [0, 0.25, 0.3125, 0.3125, 0.4375];
    for (const [k, s] of r.deletion.scores.entries()) expect(s).toBeCloseTo(del[k], 6);
    for (const [k, s] of r.insertion.scores.entries()) expect(s).toBeCloseTo(ins[k], 6);
    expect(r.deletion.auc).toBeCloseTo(0.65625 / 4, 6);
    expect(r.insertion.auc).toBeCloseTo(1.09375 / 4, 6);
    // 1 call for the class + 3 batches (2, 2, 1) per curve.
    expect(calls).toEqual([1, 2, 2, 1, 2, 2, 1]);
  });

  it('defaults to the predicted class and supports mean and blur substrates', async () => {
    const image = tf.tensor4d(pixels, [1, 2, 2, 1]);
    const r = await deletionInsertion(meanModel, image, map, { steps: 2, baseline: 'mean' });
    expect(r.classIndex).toBe(1); // p = [0.4375, 0.5625]
    // Mean substrate: deleting everything leaves the mean image, so the score returns to 0.5625.
    expect(r.deletion.scores[0]).toBeCloseTo(0.5625, 6);
    expect(r.deletion.scores[2]).toBeCloseTo(0.5625, 6);
    image.dispose();
    // Blurring a constant image changes nothing.
    const flat = tf.fill([20, 20, 3], 0.3) as tf.Tensor3D;
    const b = await deletionInsertion(meanModel, flat, new Float32Array(400), { steps: 1, classIndex: 0 });
    expect(b.insertion.scores[0]).toBeCloseTo(0.3, 5);
    flat.dispose();
  });

  it('an image substrate: deleted pixels show that image (hand-worked curve)', async () => {
    const image = tf.tensor3d(pixels, [2, 2, 1]);
    const substrate = tf.tensor3d([0, 1, 1, 0], [2, 2, 1]);
    const before = tf.memory().numTensors;
    const r = await deletionInsertion(meanModel, image, map, {
      steps: 4,
      classIndex: 0,
      baseline: substrate,
      insertionBaseline: substrate,
    });
    expect(tf.memory().numTensors).toBe(before);
    // Deletion order 0, 2, 3, 1: pixel 0 1→0, pixel 2 0.25→1, pixel 3 0→0, pixel 1 0.5→1.
    const del = [1.75, 0.75, 1.5, 1.5, 2].map((s) => s / 4);
    // Insertion starts from the substrate (sum 2) and puts the image's pixels back in that order.
    const ins = [2, 3, 2.25, 2.25, 1.75].map((s) => s / 4);
    for (const [k, s] of r.deletion.scores.entries()) expect(s).toBeCloseTo(del[k], 6);
    for (const [k, s] of r.insertion.scores.entries()) expect(s).toBeCloseTo(ins[k], 6);
    await expect(
      deletionInsertion(meanModel, image, map, { baseline: tf.zeros([3, 3, 1]) as tf.Tensor3D }),
    ).rejects.toThrow(/baseline image is \[3,3,1\], expected \[2, 2, 1\]/);
    tf.dispose([image, substrate]);
  });

  it('the blur substrate equals a float64 Gaussian (σ 0.5, 3 taps, mirrored edges) at 2×2', async () => {
    // A "model" that reads pixel (0, 0): the insertion curve's first point is the blurred value.
    const corner = (batch: tf.Tensor4D): tf.Tensor2D => {
      const s = tf.reshape(tf.slice(batch, [0, 0, 0, 0], [-1, 1, 1, 1]), [-1, 1]);
      return tf.concat([s, tf.sub(1, s)], 1) as tf.Tensor2D;
    };
    const image = tf.tensor3d(pixels, [2, 2, 1]);
    const r = await deletionInsertion(corner, image, map, {
      steps: 1,
      classIndex: 0,
      insertionBaseline: 'blur',
    });
    // Taps e^(−d²/2σ²) for d = −1, 0, 1 with σ = 0.5, normalised; symmetric padding repeats the edge.
    const t = Math.exp(-2);
    const [w1, w0] = [t / (1 + 2 * t), 1 / (1 + 2 * t)];
    const row = (a: number, b: number) => [(w0 + w1) * a + w1 * b, w1 * a + (w0 + w1) * b];
    const [r0, r1] = [row(1, 0.5), row(0.25, 0)]; // blur along x, then along y
    const blurred00 = (w0 + w1) * r0[0] + w1 * r1[0];
    expect(r.insertion.scores[0]).toBeCloseTo(blurred00, 5);
    expect(r.insertion.scores[1]).toBeCloseTo(1, 6); // everything inserted: the image itself
    image.dispose();
  });

  it('rejects mismatched maps, bad classes and bad steps', async () => {
    const image = tf.zeros([2, 2, 1]) as tf.Tensor3D;
    await expect(deletionInsertion(meanModel, image, [1, 2, 3])).rejects.toThrow(
      /map has 3 values, expected 2×2/,
    );
    await expect(deletionInsertion(meanModel, image, map, { classIndex: 5 })).rejects.toThrow(CamkitError);
    await expect(deletionInsertion(meanModel, image, map, { steps: 0 })).rejects.toThrow(/steps/);
    image.dispose();
  });

  it('integrates with the trapezoid rule', () => {
    expect(trapezoidAuc([1, 1, 1])).toBe(1);
    expect(trapezoidAuc([0, 1])).toBe(0.5);
    expect(trapezoidAuc([1, 0, 1])).toBe(0.5);
  });
});
