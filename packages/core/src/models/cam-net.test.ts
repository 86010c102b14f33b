import '@tensorflow/tfjs-backend-cpu';
import * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
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

  it('rejects bad options with a CamkitError', () => {
    expect(() => camNet({ filters: [] })).toThrow(CamkitError);
    expect(() => camNet({ inputSize: 0 })).toThrow(/inputSize/);
    expect(() => camNet({ channels: 2.5 })).toThrow(/channels/);
    expect(() => camNet({ numClasses: 0 })).toThrow(/numClasses/);
  });
});
