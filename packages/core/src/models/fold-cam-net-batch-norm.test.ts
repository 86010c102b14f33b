import '@tensorflow/tfjs-backend-cpu';
import * as tfc from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { explain } from '../attribution/explain.js';
import { CamkitError } from '../errors.js';
import { camNet } from './cam-net.js';
import { foldCamNetBatchNorm } from './fold-cam-net-batch-norm.js';

beforeAll(async () => {
  await tfc.setBackend('cpu');
});

function maxAbs(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** A BN camNet whose BN layers hold non-trivial statistics (as after training). */
function trainedLikeBnNet(dilations?: number[]) {
  const model = camNet({
    inputSize: 9,
    filters: [4, 6],
    numClasses: 3,
    batchNorm: true,
    ...(dilations ? { dilations } : {}),
  });
  tfc.tidy(() => {
    for (const name of ['bn1', 'bn2']) {
      const bn = model.getLayer(name);
      const n = bn.getWeights()[0].shape[0];
      bn.setWeights([
        tfc.randomUniform([n], 0.5, 2, 'float32', 1),
        tfc.randomUniform([n], -0.5, 0.5, 'float32', 2),
        tfc.randomUniform([n], -0.3, 0.3, 'float32', 3),
        tfc.randomUniform([n], 0.2, 3, 'float32', 4),
      ]);
    }
  });
  return model;
}

describe('camNet with batchNorm', () => {
  it('has conv → bn → relu per layer and relu<N> feeding gap', () => {
    const model = camNet({ inputSize: 9, filters: [4, 6], numClasses: 3, batchNorm: true });
    expect(model.layers.map((l) => l.name)).toEqual([
      'conv1',
      'bn1',
      'relu1',
      'conv2',
      'bn2',
      'relu2',
      'gap',
      'logits',
    ]);
    // No conv bias: 9·cin·cout per conv, 4 per channel per BN, dense in·out + out.
    expect(model.countParams()).toBe(9 * 3 * 4 + 16 + 9 * 4 * 6 + 24 + 6 * 3 + 3);
    model.dispose();
  });

  it.each([{ dilations: undefined }, { dilations: [2, 3] }])(
    'folds into a plain camNet with the same outputs and the same CAM (dilations $dilations)',
    async ({ dilations }) => {
      const model = trainedLikeBnNet(dilations);
      const folded = foldCamNetBatchNorm(model);
      const rates = (m: typeof model) =>
        m.layers.filter((l) => /^conv/.test(l.name)).map((l) => l.getConfig().dilationRate);
      expect(rates(folded)).toEqual(rates(model));
      const xs = tfc.randomUniform([2, 9, 9, 3], 0, 1, 'float32', 7) as tfc.Tensor4D;
      const before = tfc.memory().numTensors;
      const a = tfc.tidy(() => (model.predict(xs) as tfc.Tensor).dataSync());
      const b = tfc.tidy(() => (folded.predict(xs) as tfc.Tensor).dataSync());
      expect(maxAbs(a, b)).toBeLessThan(1e-5);
      // Independent of CAM's own code path: the folded net's last conv equals the BN net's relu2.
      const feat = (m: typeof model, layer: string) =>
        tfc.tidy(() => {
          let x: tfc.Tensor = xs;
          for (const l of m.layers) {
            x = l.apply(x) as tfc.Tensor;
            if (l.name === layer) break;
          }
          return x.dataSync();
        });
      expect(maxAbs(feat(model, 'relu2'), feat(folded, 'conv2'))).toBeLessThan(1e-5);
      const camBn = await explain(model, xs, { method: 'cam', targets: 'all' });
      const camFolded = await explain(folded, xs, { method: 'cam', targets: 'all' });
      expect(camBn.layer).toBe('relu2');
      expect(camFolded.layer).toBe('conv2');
      camBn.heatmaps.forEach((h, i) => {
        expect(maxAbs(h.map, camFolded.heatmaps[i].map)).toBeLessThan(1e-4);
      });
      expect(tfc.memory().numTensors).toBe(before);
      tfc.dispose(xs);
      model.dispose();
      folded.dispose();
    },
  );

  it("keeps CAM == Grad-CAM (GAP → Dense: Grad-CAM's weights are the dense weights / HW)", async () => {
    const model = trainedLikeBnNet();
    const xs = tfc.randomUniform([2, 9, 9, 3], 0, 1, 'float32', 11) as tfc.Tensor4D;
    const cam = await explain(model, xs, { method: 'cam', targets: 'all' });
    const grad = await explain(model, xs, { method: 'gradcam', targets: 'all' });
    expect(grad.layer).toBe('relu2');
    cam.heatmaps.forEach((h, i) => {
      expect(maxAbs(h.map, grad.heatmaps[i].map)).toBeLessThan(1e-4);
    });
    xs.dispose();
    model.dispose();
  });

  it('refuses a model without BN', () => {
    const plain = camNet({ inputSize: 9, filters: [4], numClasses: 2 });
    expect(() => foldCamNetBatchNorm(plain)).toThrow(CamkitError);
    plain.dispose();
  });
});
