// camkit against jacobgil/pytorch-grad-cam on a real architecture: the arch-reference fixture's
// torchvision MobileNetV2 (width 0.5, float16 kernels, ImageNet-normalised input; see its README),
// all 12 methods at the last block (`features.18`, a ReLU6) and a mid-network block
// (`features.13`, an inverted residual's Add, negative values), every image and class.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, maxAbs, maxAbsDiff, useBackend } from '../../test/backends.js';
import {
  ARCH_CAM_CASES as CAM_CASES,
  ARCH_IMAGES as IMAGES,
  archInputs,
  archModelDir,
  archRef,
  archReferenceDir,
  grayMapDiff,
} from '@camkit/arch-reference';
import { readNpy } from '../../test/npy.js';
import { CamkitError } from '../errors.js';
import { loadModel } from '../io/node/load-model.js';
import { explain } from './explain.js';
import { splitModel } from './split-model.js';
import type { ExplainResult, Method } from './types.js';

const DIR = archReferenceDir();
const MODEL_DIR = archModelDir();
const read = (file: string) => readNpy(file).data;
const CLASSES = 5;
const LAYERS = ['features.18', 'features.13'] as const;
const GRAY_TOL = 1e-3; // the fixture's suggested tolerances (≈7× its worst TF.js recomputation)
const GUIDED_REL_TOL = 1e-3;
const ref = (image: string, ...parts: string[]) => archRef(read, image, ...parts);

// Methods that need no gradient: they run on any backend that runs the forward pass.
const GRADIENT_FREE = new Set<Method>(['eigencam', 'scorecam', 'ablationcam']);

/** IEEE half → float, written out (independent of tfjs's decoder). */
function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}

describe('arch-reference MobileNetV2: loading', () => {
  it('loadModel decodes the float16 kernels of weights.bin exactly (checked against a hand decoder)', async () => {
    await useBackend('cpu');
    const json = JSON.parse(readFileSync(join(MODEL_DIR, 'model.json'), 'utf8'));
    const bin = readFileSync(join(MODEL_DIR, 'weights.bin'));
    const model = (await loadModel(MODEL_DIR)) as tfl.LayersModel;
    const byName = new Map(model.weights.map((w) => [w.originalName, w]));
    let offset = 0;
    let checked = 0;
    for (const spec of json.weightsManifest[0].weights) {
      const count = (spec.shape as number[]).reduce((a, b) => a * b, 1);
      const half = spec.quantization?.dtype === 'float16';
      if (half && checked < 3) {
        const expected = Float32Array.from({ length: count }, (_, i) =>
          halfToFloat(bin.readUInt16LE(offset + 2 * i)),
        );
        const actual = byName.get(spec.name)!.read().dataSync();
        expect(maxAbsDiff(actual, expected), spec.name).toBe(0);
        checked++;
      }
      offset += count * (half ? 2 : 4);
    }
    expect(checked).toBe(3);
    expect(offset).toBe(bin.byteLength);
    model.dispose();
  });
});

describe.each(BACKENDS)('arch-reference MobileNetV2 against pytorch-grad-cam (%s)', (backend) => {
  let model: tfl.LayersModel;
  let images: tf.Tensor4D;
  let first: tf.Tensor4D;
  const results = new Map<string, ExplainResult>();
  // Score-CAM and Ablation-CAM run K copies of each image (1280 at features.18) and the guided
  // methods backpropagate through the whole network once per class: on the slow cpu backend these
  // (and Score-CAM at features.18 everywhere) check the first image only; node-runner's
  // arch-reference test runs the guided methods on every image on wasm.
  const SLOW_ON_CPU = new Set<Method>(['scorecam', 'ablationcam', 'guided-backprop', 'guided-gradcam']);
  const imageCount = (method: Method, layer?: string) =>
    (backend === 'cpu' && SLOW_ON_CPU.has(method)) || (method === 'scorecam' && layer === 'features.18')
      ? 1
      : IMAGES.length;
  const run = async (method: Method, layer?: string): Promise<ExplainResult> => {
    const key = `${method}:${layer}`;
    const x = imageCount(method, layer) === 1 ? first : images;
    if (!results.has(key)) results.set(key, await explain(model, x, { method, layer, targets: 'all' }));
    return results.get(key)!;
  };
  // Stock tfjs-wasm has no DepthwiseConv2dNativeBackpropInput: gradients through features.14–17
  // (and to the input) need @camkit/kernels' wasm kernels, which node-runner's tests register.
  // Score-CAM at features.18 is 1280 forward passes per image: minutes on the cpu backend, so wasm only.
  const runsOn = (method: Method, layer: string | null) =>
    backend === 'cpu'
      ? !(method === 'scorecam' && layer === 'features.18')
      : (layer === 'features.18' && method !== 'guided-gradcam') || GRADIENT_FREE.has(method);

  beforeAll(async () => {
    await useBackend(backend);
    model = (await loadModel(MODEL_DIR)) as tfl.LayersModel;
    images = tf.tensor4d(archInputs(read), [IMAGES.length, 64, 64, 3]);
    first = tf.slice(images, [0, 0, 0, 0], [1, -1, -1, -1]);
  });
  afterAll(() => {
    tf.dispose([images, first]);
    model.dispose();
  });

  it('logits equal the torch logits; target-layer activations equal the torch module outputs', async () => {
    const r = await run('gradcam', 'features.18');
    IMAGES.forEach((id, i) => {
      const logits = readNpy(join(DIR, 'logits', `mobilenet_v2__${id}.logits.npy`)).data;
      expect(maxAbsDiff(r.predictions[i].logits, logits)).toBeLessThan(1e-4 * maxAbs(logits));
    });
    for (const layer of LAYERS) {
      const acts = tf.tidy(() => splitModel(model, layer).forward(images).features.dataSync());
      IMAGES.forEach((id, i) => {
        const expected = ref(id, 'activations', `${layer}.npy`);
        const ours = acts.subarray(i * expected.length, (i + 1) * expected.length);
        expect(maxAbsDiff(ours, expected), `${id} ${layer}`).toBeLessThan(1e-4 * maxAbs(expected));
      });
    }
  });

  for (const layer of LAYERS) {
    it.each(CAM_CASES.filter(([m]) => runsOn(m, layer)))(
      `%s at ${layer}: gray maps of every image (see imageCount) × 5 classes`,
      async (method, dir) => {
        const started = tf.memory().numTensors;
        const r = await run(method, layer);
        expect(tf.memory().numTensors).toBe(started);
        expect(r.heatmaps).toHaveLength(imageCount(method, layer) * CLASSES);
        for (const h of r.heatmaps) {
          const id = IMAGES[h.imageIndex];
          const c = h.classIndex;
          expect(grayMapDiff(read, h.map, id, dir, layer, c), `${id} c${c}`).toBeLessThan(GRAY_TOL);
        }
      },
    );
  }

  const guidedCases: [Method, string, string | null][] = [
    ['guided-backprop', 'guided_backprop/input', null],
    ...LAYERS.map((l): [Method, string, string] => ['guided-gradcam', `guided_gradcam/${l}`, l]),
  ];
  it.each(guidedCases.filter(([m, , l]) => runsOn(m, l)))(
    '%s (%s): [64, 64, 3] arrays, ReLU6 not guided',
    async (method, dir, layer) => {
      const r = await run(method, layer ?? undefined);
      for (const h of r.heatmaps) {
        const id = IMAGES[h.imageIndex];
        const c = h.classIndex;
        expect(h.shape).toEqual([64, 64, 3]);
        const expected = ref(id, ...dir.split('/'), `c${c}.npy`);
        // An all-zero Grad-CAM map makes the guided Grad-CAM reference zero: scale by the guided backprop.
        const scale = maxAbs(expected) || maxAbs(ref(id, 'guided_backprop', 'input', `c${c}.npy`));
        expect(maxAbsDiff(h.map, expected) / scale, `${id} c${c}`).toBeLessThan(GUIDED_REL_TOL);
      }
    },
  );

  if (backend === 'wasm') {
    it('a method whose gradient needs a kernel stock wasm lacks fails with one line naming the layer, op and backend', async () => {
      expect(tf.getKernel('DepthwiseConv2dNativeBackpropInput', 'wasm')).toBeUndefined();
      const started = tf.memory().numTensors;
      let error: unknown;
      try {
        await explain(model, images, { method: 'gradcam', layer: 'features.13' });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CamkitError);
      const message = (error as Error).message;
      expect(message).not.toContain('\n');
      expect(message).not.toMatch(/not registered/);
      expect(message).toMatch(
        /layer 'features\.17\.conv\.1\.0' \(DepthwiseConv2D\).*'DepthwiseConv2dNativeBackpropInput'.*backend 'wasm'.*cpu/,
      );
      expect(tf.memory().numTensors).toBe(started);
    });
  }
});
