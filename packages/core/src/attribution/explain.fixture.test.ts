// camkit's maps against jacobgil/pytorch-grad-cam 1.5.5 on the dev-net fixture (see its README):
// same weights, same images, every method the fixture has references for, all 3 classes.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, maxAbs, maxAbsDiff, useBackend } from '../../test/backends.js';
import { FIXTURE_IMAGES } from '../../test/fixture-dir.js';
import { FIXTURE_DIR, loadDevNet } from '../../test/fixture-model.js';
import { readNpy } from '../../test/npy.js';
import { explain } from './explain.js';
import type { ExplainResult, Method } from './types.js';

const IMAGES = FIXTURE_IMAGES;
const GRAY_TOL = 1e-4;
const RAW_REL_TOL = 1e-4;
const ref = (image: string, ...parts: string[]) =>
  readNpy(join(FIXTURE_DIR, 'refs', 'dev-net', image, ...parts)).data;

describe.each(BACKENDS)('pytorch-grad-cam reference fixtures (%s)', (backend) => {
  let model: tfl.LayersModel;
  let images: tf.Tensor4D;
  const results = new Map<string, ExplainResult>();
  const run = async (method: Method, layer?: string): Promise<ExplainResult> => {
    const key = `${method}:${layer}`;
    if (!results.has(key)) results.set(key, await explain(model, images, { method, layer, targets: 'all' }));
    return results.get(key)!;
  };
  const heatmap = (r: ExplainResult, image: number, cls: number) =>
    r.heatmaps.find((h) => h.imageIndex === image && h.classIndex === cls)!;

  beforeAll(async () => {
    if (!existsSync(FIXTURE_DIR))
      throw new Error(`fixtures missing at ${FIXTURE_DIR} (set CAMKIT_SHARED_FIXTURES)`);
    await useBackend(backend);
    model = await loadDevNet();
    const inputs = IMAGES.map((id) => readNpy(join(FIXTURE_DIR, 'inputs', `${id}.npy`)).data as Float32Array);
    const flat = new Float32Array(inputs.length * 24 * 24 * 3);
    inputs.forEach((d, i) => {
      flat.set(d, i * d.length);
    });
    images = tf.tensor4d(flat, [IMAGES.length, 24, 24, 3]);
  });
  afterAll(() => {
    images.dispose();
    model.dispose();
  });

  it('logits equal the torch logits (pre-softmax)', async () => {
    const r = await run('gradcam', 'c3');
    IMAGES.forEach((id, i) => {
      const logits = readNpy(join(FIXTURE_DIR, 'logits', `dev-net__${id}.logits.npy`)).data;
      expect(maxAbsDiff(r.predictions[i].logits, logits)).toBeLessThan(RAW_REL_TOL * maxAbs(logits));
    });
  });

  const grayCases: [Method, string, string][] = [
    ['gradcam', 'c3', 'gradcam'],
    ['gradcam', 'c2', 'gradcam'],
    ['cam', 'c3', 'cam'],
    ['gradcam++', 'c3', 'gradcam_pp'],
    ['layercam', 'c3', 'layercam'],
    ['scorecam', 'c3', 'scorecam'],
    ['xgradcam', 'c3', 'xgradcam'],
    ['hirescam', 'c3', 'hirescam'],
    ['gradcam-elementwise', 'c3', 'gradcam_elementwise'],
    ['ablationcam', 'c3', 'ablationcam'],
  ];
  it.each(grayCases)('%s at %s: gray maps of 6 images × 3 classes', async (method, layer, dir) => {
    const r = await run(method, layer);
    expect(r.heatmaps).toHaveLength(18);
    for (const [i, id] of IMAGES.entries()) {
      for (let c = 0; c < 3; c++) {
        const h = heatmap(r, i, c);
        expect(h.shape).toEqual([24, 24]);
        expect(maxAbsDiff(h.map, ref(id, dir, layer, `c${c}.gray.npy`)), `${id} c${c}`).toBeLessThan(
          GRAY_TOL,
        );
      }
    }
  });

  // The SVD fixes a singular vector only up to sign; the fixture has the map of each sign.
  it.each([
    ['eigencam', 'eigencam'],
    ['eigengradcam', 'eigengradcam'],
  ] as [Method, string][])(
    '%s at c3: gray and signed raw maps of 6 images × 3 classes, either SVD sign',
    async (method, dir) => {
      const r = await run(method, 'c3');
      for (const [i, id] of IMAGES.entries()) {
        for (let c = 0; c < 3; c++) {
          const h = heatmap(r, i, c);
          const gray = maxAbsDiff(h.map, ref(id, dir, 'c3', `c${c}.gray.npy`));
          const flipped = maxAbsDiff(h.map, ref(id, dir, 'c3', `c${c}.gray_signflip.npy`));
          expect(Math.min(gray, flipped), `${id} c${c}`).toBeLessThan(GRAY_TOL);
          const raw = ref(id, dir, 'c3', `c${c}.raw_norelu.npy`);
          const sign = gray <= flipped ? 1 : -1;
          expect(
            maxAbsDiff(
              h.raw!.map((v) => sign * v),
              raw,
            ),
            `${id} c${c} raw`,
          ).toBeLessThan(RAW_REL_TOL * maxAbs(raw));
        }
      }
    },
  );

  it('gradcam c3: raw maps (before ReLU) and channel weights α', async () => {
    const r = await run('gradcam', 'c3');
    for (const [i, id] of IMAGES.entries()) {
      for (let c = 0; c < 3; c++) {
        const h = heatmap(r, i, c);
        expect(h.rawShape).toEqual([12, 12]);
        const raw = ref(id, 'gradcam', 'c3', `c${c}.raw_norelu.npy`);
        expect(maxAbsDiff(h.raw!, raw)).toBeLessThan(RAW_REL_TOL * maxAbs(raw));
        const alpha = ref(id, 'gradcam', 'c3', `c${c}.alpha.npy`);
        expect(maxAbsDiff(h.weights!, alpha)).toBeLessThan(RAW_REL_TOL * maxAbs(alpha));
      }
    }
  });

  it('cam c3: raw maps (ReLU applied as the reference stores them)', async () => {
    const r = await run('cam', 'c3');
    for (const [i, id] of IMAGES.entries()) {
      for (let c = 0; c < 3; c++) {
        const raw = ref(id, 'cam', 'c3', `c${c}.raw.npy`);
        const ours = heatmap(r, i, c).raw!.map((v) => Math.max(v, 0));
        expect(maxAbsDiff(ours, raw)).toBeLessThan(RAW_REL_TOL * maxAbs(raw));
      }
    }
  });

  it('dev-net nested inside another model (transfer-learning shape): gradcam c3 still equals the reference', async () => {
    const input = tfl.input({ shape: [24, 24, 3] });
    const wrapped = tfl.model({ inputs: input, outputs: model.apply(input) as tfl.SymbolicTensor });
    const r = await explain(wrapped, images, { method: 'gradcam', layer: 'c3', targets: 'all' });
    for (const [i, id] of IMAGES.entries()) {
      for (let c = 0; c < 3; c++) {
        expect(maxAbsDiff(heatmap(r, i, c).map, ref(id, 'gradcam', 'c3', `c${c}.gray.npy`))).toBeLessThan(
          GRAY_TOL,
        );
      }
    }
  });

  it.each([
    ['guided-backprop', 'guided_backprop', 'input'],
    ['guided-gradcam', 'guided_gradcam', 'c3'],
  ] as [Method, string, string][])(
    '%s: [24, 24, 3] arrays of 6 images × 3 classes',
    async (method, dir, sub) => {
      const r = await run(method, method === 'guided-gradcam' ? 'c3' : undefined);
      for (const [i, id] of IMAGES.entries()) {
        for (let c = 0; c < 3; c++) {
          const h = heatmap(r, i, c);
          expect(h.shape).toEqual([24, 24, 3]);
          expect(maxAbsDiff(h.map, ref(id, dir, sub, `c${c}.npy`)), `${id} c${c}`).toBeLessThan(GRAY_TOL);
        }
      }
    },
  );
});
