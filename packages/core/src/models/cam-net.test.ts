import '@tensorflow/tfjs-backend-cpu';
import * as tfc from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { CamkitError } from '../errors.js';
import { camNet } from './cam-net.js';

// Independent parameter counts: a 3×3 conv has 9·cin·cout + cout, a dense in·out + out.
const conv = (cin: number, cout: number) => 9 * cin * cout + cout;
const dense = (inp: number, out: number) => inp * out + out;

function layerSummary(model: tfl.LayersModel) {
  return model.layers.map((l) => [l.name, l.outputShape]);
}

beforeAll(async () => {
  await tfc.setBackend('cpu');
});

describe('camNet', () => {
  it('has conv1..conv4, gap, logits with full-resolution feature maps', () => {
    const model = camNet();
    expect(layerSummary(model)).toEqual([
      ['conv1', [null, 64, 64, 16]],
      ['conv2', [null, 64, 64, 32]],
      ['conv3', [null, 64, 64, 64]],
      ['conv4', [null, 64, 64, 64]],
      ['gap', [null, 64]],
      ['logits', [null, 4]],
    ]);
    expect(model.countParams()).toBe(conv(3, 16) + conv(16, 32) + conv(32, 64) + conv(64, 64) + dense(64, 4));
    model.dispose();
  });

  it('honours [h, w], channels, filters and numClasses', () => {
    const model = camNet({ inputSize: [20, 30], channels: 1, filters: [4, 6], numClasses: 3, name: 'tiny' });
    expect(model.name).toBe('tiny');
    expect(model.getLayer('conv2').outputShape).toEqual([null, 20, 30, 6]);
    expect(model.countParams()).toBe(conv(1, 4) + conv(4, 6) + dense(6, 3));
    model.dispose();
  });

  it('runs at any size with inputSize null and outputs probabilities', () => {
    const model = camNet({ inputSize: null, filters: [4, 4], numClasses: 5 });
    expect(model.inputs[0].shape).toEqual([null, null, null, 3]);
    const before = tfc.memory().numTensors;
    for (const [h, w] of [
      [9, 13],
      [32, 32],
    ]) {
      const out = tfc.tidy(() => model.predict(tfc.randomUniform([2, h, w, 3])) as tfc.Tensor);
      expect(out.shape).toEqual([2, 5]);
      const sums = tfc.tidy(() => tfc.sum(out, 1).dataSync());
      for (const s of sums) expect(s).toBeCloseTo(1, 5);
      out.dispose();
    }
    expect(tfc.memory().numTensors).toBe(before);
    model.dispose();
  });

  // The receptive field from the definition: an output pixel changes when an input pixel k px away
  // changes iff k ≤ Σ dilation_i (3×3 taps). Measured by perturbing the input, not from the config.
  it.each([
    { dilations: undefined, reach: 4 },
    { dilations: [1, 2, 4, 4], reach: 11 },
  ])(
    'dilations widen the receptive field to the sum of the rates ($dilations → ±$reach px)',
    ({ dilations, reach }) => {
      const size = 29;
      const model = camNet({
        inputSize: size,
        channels: 1,
        filters: [2, 2, 2, 2],
        numClasses: 2,
        ...(dilations ? { dilations } : {}),
      });
      // Positive weights and inputs: every tap contributes, so the ReLUs never hide a dependency.
      model.setWeights(
        model
          .getWeights()
          .map((w) => tfc.tidy(() => tfc.add(tfc.randomUniform(w.shape, 0, 1, 'float32', 5), 0.1))),
      );
      const centre = (size - 1) / 2;
      const conv4At = (dx: number | null) =>
        tfc.tidy(() => {
          const img = tfc.buffer([1, size, size, 1]);
          for (let i = 0; i < size * size; i++) img.values[i] = 1;
          if (dx !== null) img.set(3, 0, centre, centre + dx, 0);
          let x: tfc.Tensor = img.toTensor();
          for (const l of model.layers) {
            x = l.apply(x) as tfc.Tensor;
            if (l.name === 'conv4') break;
          }
          return (tfc.slice(x, [0, centre, centre, 0], [1, 1, 1, 2]).dataSync() as Float32Array).slice();
        });
      const base = conv4At(null);
      const changes = (dx: number) => conv4At(dx).some((v, i) => Math.abs(v - (base[i] as number)) > 1e-6);
      expect(changes(reach)).toBe(true);
      expect(changes(reach + 1)).toBe(false);
      expect(changes(-reach)).toBe(true);
      expect(model.getLayer('conv4').outputShape).toEqual([null, size, size, 2]); // still no pooling
      model.dispose();
    },
  );

  it('keeps dilations through a JSON round trip (a saved model loads as the same net)', async () => {
    const model = camNet({ inputSize: 12, filters: [4, 4, 4], dilations: [1, 2, 3] });
    const rates = (m: tfl.LayersModel) =>
      m.layers.filter((l) => l.name.startsWith('conv')).map((l) => l.getConfig().dilationRate);
    expect(rates(model)).toEqual([1, [2, 2], [3, 3]].map((r) => (r === 1 ? [1, 1] : r)));
    const loaded = await tfl.models.modelFromJSON({
      modelTopology: model.toJSON(null, false) as tfc.io.ModelJSON['modelTopology'],
    });
    expect(rates(loaded)).toEqual(rates(model));
    const plain = camNet({ inputSize: 12, filters: [4, 4, 4] });
    expect(model.countParams()).toBe(plain.countParams()); // dilation adds no weights
    tfc.dispose([model, loaded, plain].flatMap((m) => m.getWeights()));
  });

  it('rejects bad options with a CamkitError', () => {
    expect(() => camNet({ filters: [4, 4], dilations: [1] })).toThrow(
      /dilations must be 2 positive integers/,
    );
    expect(() => camNet({ dilations: [1, 0, 1, 1] })).toThrow(CamkitError);
    expect(() => camNet({ filters: [] })).toThrow(CamkitError);
    expect(() => camNet({ inputSize: 0 })).toThrow(/inputSize/);
    expect(() => camNet({ channels: 2.5 })).toThrow(/channels/);
    expect(() => camNet({ numClasses: 0 })).toThrow(/numClasses/);
  });
});
