import '@tensorflow/tfjs-backend-cpu';
import { camNet, MetricsSchema } from '@camkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '@camkit/core';
import { evaluateModels } from './evaluate-models.js';

const SIZE = 16;
const COUNT = 3;
const STEPS = 4;
const silent = { info: () => {}, warn: () => {} };

/**
 * RISE's insertion substrate written out in float64 from its definition: a separable Gaussian with
 * σ = 5 px and radius 5 px at 224 px, both scaled to the image side (σ ≥ 0.5, radius ≥ 1), edges
 * mirrored symmetrically (index -1 reads 0, index n reads n - 1).
 */
function blur64(img: Float32Array, h: number, w: number, c: number): Float64Array {
  const scale = Math.max(h, w) / 224;
  const sigma = Math.max(0.5, 5 * scale);
  const r = Math.max(1, Math.round(5 * scale));
  const taps = Array.from({ length: 2 * r + 1 }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * sigma ** 2)));
  const total = taps.reduce((a, b) => a + b, 0);
  const mirror = (i: number, n: number) => (i < 0 ? -i - 1 : i >= n ? 2 * n - i - 1 : i);
  const rows = new Float64Array(h * w * c);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let k = 0; k < c; k++) {
        let s = 0;
        for (let t = -r; t <= r; t++) s += (taps[t + r] / total) * img[(y * w + mirror(x + t, w)) * c + k];
        rows[(y * w + x) * c + k] = s;
      }
  const out = new Float64Array(h * w * c);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let k = 0; k < c; k++) {
        let s = 0;
        for (let t = -r; t <= r; t++) s += (taps[t + r] / total) * rows[(mirror(y + t, h) * w + x) * c + k];
        out[(y * w + x) * c + k] = s;
      }
  return out;
}

function trapezoid(ys: number[]): number {
  let s = 0;
  for (let k = 0; k + 1 < ys.length; k++) s += (ys[k] + ys[k + 1]) / 2;
  return s / (ys.length - 1);
}

describe('evaluateModels deletion/insertion curves', () => {
  let model: ReturnType<typeof camNet>;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    model = camNet({ inputSize: SIZE, filters: [4, 8], numClasses: 3 });
  });
  afterAll(() => model.dispose());

  it('writes mean curves of steps + 1 points whose ends are the original, zeroed and blurred scores', async () => {
    const rng = new Rng(5);
    const pix = SIZE * SIZE * 3;
    const images = Float32Array.from({ length: COUNT * pix }, () => rng.next());
    const data = {
      images,
      labels: Int32Array.from({ length: COUNT }, (_, i) => i % 3),
      height: SIZE,
      width: SIZE,
      channels: 3,
    };
    const before = tf.memory().numTensors;
    const metrics = await evaluateModels(data, [{ id: 'm', model, classNames: ['a', 'b', 'c'] }], {
      methods: ['gradcam'],
      steps: STEPS,
      log: silent,
    });
    expect(tf.memory().numTensors).toBe(before);
    // Round-trips through JSON (as metrics.json does) and still validates.
    const entry = MetricsSchema.parse(JSON.parse(JSON.stringify(metrics))).methods[0];
    const del = entry.deletionCurve!;
    const ins = entry.insertionCurve!;
    expect(del).toHaveLength(STEPS + 1);
    expect(ins).toHaveLength(STEPS + 1);

    // Each image's score for its predicted class on the original, all-zero and blurred image,
    // predicted here one image at a time.
    const score = (x: ArrayLike<number>, cls?: number) =>
      tf.tidy(() => {
        const p = (
          model.predict(tf.tensor4d(Float32Array.from(x), [1, SIZE, SIZE, 3])) as tf.Tensor
        ).dataSync();
        const k = cls ?? p.indexOf(Math.max(...p));
        return { k, p: p[k] };
      });
    let orig = 0;
    let zero = 0;
    let blurred = 0;
    for (let i = 0; i < COUNT; i++) {
      const img = images.subarray(i * pix, (i + 1) * pix);
      const o = score(img);
      orig += o.p / COUNT;
      zero += score(new Float32Array(pix), o.k).p / COUNT;
      blurred += score(blur64(img, SIZE, SIZE, 3), o.k).p / COUNT;
    }
    // The three substrates must score differently, or the end-point checks could not tell them apart.
    expect(Math.abs(orig - zero)).toBeGreaterThan(1e-4);
    expect(Math.abs(orig - blurred)).toBeGreaterThan(1e-4);
    expect(del[0]).toBeCloseTo(orig, 5);
    expect(del[STEPS]).toBeCloseTo(zero, 5);
    expect(ins[0]).toBeCloseTo(blurred, 5);
    expect(ins[STEPS]).toBeCloseTo(orig, 5);
    expect(entry.deletionAuc).toBeCloseTo(trapezoid(del), 10);
    expect(entry.insertionAuc).toBeCloseTo(trapezoid(ins), 10);
  });
});

describe('evaluateModels on a model whose outputs are NaN', () => {
  it('fails with one line naming metrics.json and the field, and frees every tensor', async () => {
    await tf.setBackend('cpu');
    const model = camNet({ inputSize: SIZE, filters: [4], numClasses: 2 });
    // NaN in the last layer's bias makes every score NaN, so the deletion/insertion AUCs are NaN.
    const dense = model.layers[model.layers.length - 1];
    const [kernel, bias] = dense.getWeights();
    const nanBias = tf.fill(bias.shape, Number.NaN);
    dense.setWeights([kernel, nanBias]);
    nanBias.dispose();
    const rng = new Rng(11);
    const data = {
      images: Float32Array.from({ length: 2 * SIZE * SIZE * 3 }, () => rng.next()),
      labels: Int32Array.from([0, 1]),
      height: SIZE,
      width: SIZE,
      channels: 3,
    };
    const before = tf.memory().numTensors;
    const run = evaluateModels(data, [{ id: 'nan', model, classNames: ['a', 'b'] }], {
      methods: ['gradcam'],
      steps: 2,
      log: silent,
    });
    await expect(run).rejects.toMatchObject({ name: 'CamkitError' });
    await expect(run).rejects.toThrow(/^metrics\.json: invalid methods\.0\.\w+: [^\n]*NaN[^\n]*$/);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});
