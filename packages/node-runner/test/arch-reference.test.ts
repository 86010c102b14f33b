// The CLI's default backend (wasm with @camkit/kernels' kernels, as `selectBackend` sets it up)
// explains the arch-reference MobileNetV2 below its last block: the gradients through
// features.14–17 and down to the input need the depthwise-convolution gradients stock
// tfjs-wasm lacks. Every method camkit shares with pytorch-grad-cam at `features.13`, plus
// guided backprop and guided Grad-CAM, equal the library's maps (see the fixture's README;
// @camkit/core's explain.arch.test.ts checks the rest on cpu and stock wasm).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { explain, type Method } from '@camkit/core';
import * as arch from '@camkit/arch-reference';
import { maxAbs, maxAbsDiff } from '@camkit/test-arrays';
import { loadModel, readNpyFile } from '@camkit/core/node';
import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../src/backend/select-backend.js';
import { camkit } from './run-cli.js';

const DIR = arch.archReferenceDir();
const IMAGES = arch.ARCH_IMAGES;
const LAYER = 'features.13';
const read = (file: string) => readNpyFile(file).data as Float32Array;
const ref = (image: string, ...parts: string[]) => arch.archRef(read, image, ...parts);

describe('arch-reference MobileNetV2 on the CLI default backend (wasm + @camkit/kernels)', () => {
  let model: LayersModel;
  let images: tf.Tensor4D;

  beforeAll(async () => {
    const selected = await selectBackend('wasm');
    expect(selected.name).toBe('wasm');
    expect(tf.getKernel('DepthwiseConv2dNativeBackpropInput', 'wasm')).toBeDefined();
    model = (await loadModel(arch.archModelDir())) as LayersModel;
    images = tf.tensor4d(arch.archInputs(read), [IMAGES.length, 64, 64, 3]);
  });
  afterAll(() => {
    images.dispose();
    model.dispose();
  });

  it.each(arch.ARCH_CAM_CASES)(
    `%s at ${LAYER}: gray maps of 6 images × 5 classes within 1e-3`,
    async (method, dir) => {
      const started = tf.memory().numTensors;
      const r = await explain(model, images, { method, layer: LAYER, targets: 'all' });
      expect(tf.memory().numTensors).toBe(started);
      expect(r.heatmaps).toHaveLength(30);
      for (const h of r.heatmaps) {
        const id = IMAGES[h.imageIndex];
        const c = h.classIndex;
        expect(arch.grayMapDiff(read, h.map, id, dir, LAYER, c), `${id} c${c}`).toBeLessThan(1e-3);
      }
    },
  );

  it.each([
    ['guided-backprop', undefined, ['guided_backprop', 'input']],
    ['guided-gradcam', 'features.13', ['guided_gradcam', 'features.13']],
    ['guided-gradcam', 'features.18', ['guided_gradcam', 'features.18']],
  ] as [Method, string | undefined, string[]][])(
    '%s (layer %s): [64, 64, 3] arrays within 1e-3 of max |ref|, ReLU6 not guided',
    async (method, layer, dir) => {
      const r = await explain(model, images, { method, layer, targets: 'all' });
      for (const h of r.heatmaps) {
        const id = IMAGES[h.imageIndex];
        const expected = ref(id, ...dir, `c${h.classIndex}.npy`);
        // An all-zero Grad-CAM map zeroes the guided Grad-CAM reference: scale by the guided backprop then.
        const scale = maxAbs(expected) || maxAbs(ref(id, 'guided_backprop', 'input', `c${h.classIndex}.npy`));
        expect(maxAbsDiff(h.map, expected) / scale, `${id} c${h.classIndex}`).toBeLessThan(1e-3);
      }
    },
  );

  it('camkit explain (PNG → --preprocess imagenet) writes the new methods’ maps equal to the references', async () => {
    const out = mkdtempSync(join(tmpdir(), 'camkit-arch-'));
    try {
      const methods: [Method, string][] = [
        ['ablationcam', 'ablationcam'],
        ['eigengradcam', 'eigengradcam'],
        ['gradcam-elementwise', 'gradcam_elementwise'],
      ];
      const image = 'img03_cross';
      const r = await camkit([
        'explain',
        '--model',
        join(DIR, 'models', 'mobilenet_v2', 'model.json'),
        '--images',
        join(DIR, 'images', `${image}.png`),
        '--method',
        methods.map(([m]) => m).join(','),
        '--layer',
        LAYER,
        '--preprocess',
        'imagenet',
        '--classes',
        'all',
        '--out',
        out,
      ]);
      expect(r.code, r.stderr).toBe(0);
      for (const [method, dir] of methods) {
        for (let c = 0; c < 5; c++) {
          const ours = readNpyFile(join(out, image, method, `c${c}.npy`)).data;
          expect(arch.grayMapDiff(read, ours, image, dir, LAYER, c), `${method} c${c}`).toBeLessThan(1e-3);
        }
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
