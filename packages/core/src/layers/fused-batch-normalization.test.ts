import '@tensorflow/tfjs-backend-cpu';
import * as tfc from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../data/prng.js';
import { batchNormTrain } from './batch-norm-train.js';
import { FusedBatchNormalization } from './fused-batch-normalization.js';

beforeAll(async () => {
  await tfc.setBackend('cpu');
});

const stockClass = () =>
  // What tfjs-layers registered before camkit replaced it: reached through the prototype chain.
  Object.getPrototypeOf(FusedBatchNormalization) as new (
    a: object,
  ) => tfl.layers.Layer;

function randn(shape: number[], seed: number, scale = 1, shift = 0): tfc.Tensor {
  const rng = new Rng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return tfc.tensor(
    Float32Array.from({ length: n }, () => (rng.next() + rng.next() + rng.next() - 1.5) * 2 * scale + shift),
    shape,
  );
}

function maxAbs(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** A loss that weights every output differently, so each gradient term matters. */
const weightsFor = (shape: number[]) => randn(shape, 99);

describe('batchNormTrain', () => {
  it("equals tfjs-layers' training-mode BatchNormalization: output, gradients and moving statistics", () => {
    const x = randn([3, 5, 4, 6], 1, 2, 0.5);
    const w = weightsFor(x.shape);
    const gamma = randn([6], 2, 0.5, 1) as tfc.Tensor1D;
    const beta = randn([6], 3) as tfc.Tensor1D;
    const run = (layer: tfl.layers.Layer) => {
      layer.build(x.shape);
      layer.setWeights([gamma, beta, randn([6], 4), tfc.abs(randn([6], 5, 1, 1))]);
      const f = (a: tfc.Tensor) => tfc.sum(tfc.mul(layer.apply(a, { training: true }) as tfc.Tensor, w));
      const y = layer.apply(x, { training: true }) as tfc.Tensor;
      const { value, grads } = tfc.variableGrads(
        () => f(x) as tfc.Scalar,
        layer.trainableWeights.map((v) => v.read() as tfc.Variable),
      );
      const dx = tfc.grad(f)(x);
      const out = {
        y: y.dataSync(),
        dx: dx.dataSync(),
        dweights: Object.values(grads).map((g) => g.dataSync()),
        moving: layer
          .getWeights()
          .slice(2)
          .map((t) => t.dataSync()),
        loss: value.dataSync()[0],
      };
      tfc.dispose([y, dx, value, ...Object.values(grads)]);
      return out;
    };
    const t0 = tfc.memory().numTensors;
    const stock = run(new (stockClass())({ axis: -1, momentum: 0.9 }));
    const t1 = tfc.memory().numTensors;
    const fused = run(new FusedBatchNormalization({ axis: -1, momentum: 0.9 }));
    const t2 = tfc.memory().numTensors;
    expect(maxAbs(fused.y, stock.y)).toBeLessThan(1e-5);
    expect(maxAbs(fused.dx, stock.dx)).toBeLessThan(1e-5);
    expect(fused.dweights).toHaveLength(2);
    for (let k = 0; k < 2; k++) expect(maxAbs(fused.dweights[k], stock.dweights[k])).toBeLessThan(1e-4);
    // Moving statistics: run() applied the layer 3 times in training mode, each updating them.
    for (let k = 0; k < 2; k++) expect(maxAbs(fused.moving[k], stock.moving[k])).toBeLessThan(1e-5);
    // Only the layer's weights and run()'s inputs stay behind: as many as for the stock layer.
    expect(t2 - t1).toBe(t1 - t0);
    tfc.dispose([x, w, gamma, beta]);
  });

  it('has the gradient of central finite differences (float32, small net)', () => {
    const x = randn([2, 3, 3, 4], 7, 1.5);
    const w = weightsFor(x.shape);
    const gamma = randn([4], 8, 0.5, 1) as tfc.Tensor1D;
    const beta = randn([4], 9) as tfc.Tensor1D;
    const loss = (a: tfc.Tensor, g: tfc.Tensor, b: tfc.Tensor) =>
      tfc.tidy(() => {
        const r = batchNormTrain(a, g as tfc.Tensor1D, b as tfc.Tensor1D, 1e-3);
        tfc.dispose([r.mean, r.variance]);
        return tfc.sum(tfc.mul(tfc.square(r.y), w));
      });
    const [dx, dg, db] = tfc.grads(loss)([x, gamma, beta]);
    const h = 1e-2;
    for (const [k, t, g] of [
      [0, x, dx],
      [1, gamma, dg],
      [2, beta, db],
    ] as const) {
      const base = t.dataSync();
      const analytic = g.dataSync();
      for (const i of [0, 1, Math.floor(base.length / 2), base.length - 1]) {
        const at = (d: number) => {
          const v = Float32Array.from(base);
          v[i] += d;
          const args = [x, gamma, beta];
          args[k] = tfc.tensor(v, t.shape);
          const r = loss(args[0], args[1], args[2]).dataSync()[0];
          args[k].dispose();
          return r;
        };
        const fd = (at(h) - at(-h)) / (2 * h);
        expect(Math.abs(analytic[i] - fd)).toBeLessThan(2e-2 * Math.max(1, Math.abs(fd)));
      }
    }
    tfc.dispose([x, w, gamma, beta, dx, dg, db]);
  });
});

describe('FusedBatchNormalization', () => {
  it('is what models deserialise BatchNormalization to, and serialises as BatchNormalization', () => {
    const model = tfl.sequential({
      layers: [tfl.layers.dense({ inputShape: [3], units: 4 }), new FusedBatchNormalization({ name: 'bn' })],
    });
    const json = JSON.parse(JSON.stringify(model.toJSON(undefined, false)));
    expect(json.config.layers[1].class_name).toBe('BatchNormalization');
    const loaded = tfl.models.modelFromJSON(json) as unknown as Promise<tfl.LayersModel>;
    return loaded.then((m) => {
      expect(m.getLayer('bn')).toBeInstanceOf(FusedBatchNormalization);
      m.dispose();
      model.dispose();
    });
  });

  it('infers like the stock layer (moving statistics), and leaves other axes to it', () => {
    const x = randn([2, 3, 5], 11);
    const weights = [randn([3], 12), randn([3], 13), randn([3], 14), tfc.abs(randn([3], 15, 1, 1))];
    const outs = [stockClass(), FusedBatchNormalization].map((C) => {
      const l = new C({ axis: 1 });
      l.build(x.shape);
      l.setWeights(weights);
      const y = [false, true].map((training) => (l.apply(x, { training }) as tfc.Tensor).dataSync());
      return y;
    });
    expect(maxAbs(outs[1][0], outs[0][0])).toBe(0);
    expect(maxAbs(outs[1][1], outs[0][1])).toBe(0);
    tfc.dispose([x, ...weights]);
  });
});
