// camkit on a real converted graph model against pytorch-grad-cam 1.5.5 (graph-reference fixture,
// see its README): every method it has, both target nodes, both classes, all six photographs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, maxAbs, maxAbsDiff, useBackend } from '../../test/backends.js';
import { GRAPH_FIXTURE_DIR } from '../../test/fixture-dir.js';
import { readNpy } from '../../test/npy.js';
import { isGraphModel } from '../graph/is-graph-model.js';
import { loadModel } from '../io/node/load-model.js';
import { explain } from './explain.js';
import { splitModel } from './split-model.js';
import type { ExplainResult, Method } from './types.js';

interface FixtureFile {
  file: string;
  image: string;
  method: string;
  node: string;
  class: number | null;
  kind: string;
}
const index = JSON.parse(readFileSync(join(GRAPH_FIXTURE_DIR, 'index.json'), 'utf8'));
const files: FixtureFile[] = index.files;
const spec = index.models.liveness;
const NODES: string[] = spec.target_nodes;
const IMAGES = [...new Set(files.map((f) => f.image))].sort();
const CAM = ['gradcam', 'gradcam++', 'layercam', 'xgradcam', 'hirescam', 'scorecam'] as const;
const ref = (f: FixtureFile) => readNpy(join(GRAPH_FIXTURE_DIR, f.file));
const refsOf = (method: string, kind: string) => files.filter((f) => f.method === method && f.kind === kind);

describe.each(BACKENDS)('graph-reference fixture: liveness graph model (%s)', (backend) => {
  let model: GraphModel;
  let images: tf.Tensor4D;
  const results = new Map<string, ExplainResult>();
  const run = async (method: Method, layer?: string) => {
    const key = `${method}:${layer}`;
    if (!results.has(key)) results.set(key, await explain(model, images, { method, layer, targets: 'all' }));
    return results.get(key)!;
  };
  const heatmap = (r: ExplainResult, image: string, cls: number) =>
    r.heatmaps.find((h) => h.imageIndex === IMAGES.indexOf(image) && h.classIndex === cls)!;

  beforeAll(async () => {
    await useBackend(backend);
    const loaded = await loadModel(join(GRAPH_FIXTURE_DIR, spec.model_json));
    if (!isGraphModel(loaded)) throw new Error('liveness should load as a graph model');
    model = loaded;
    const flat = new Float32Array(IMAGES.length * 32 * 32 * 3);
    IMAGES.forEach((id, i) => {
      flat.set(readNpy(join(GRAPH_FIXTURE_DIR, 'images', 'liveness', `${id}.npy`)).data, i * 32 * 32 * 3);
    });
    images = tf.tensor4d(flat, [IMAGES.length, 32, 32, 3]);
  });
  afterAll(() => {
    images.dispose();
    model.dispose();
  });

  it('scores are the pre-softmax node values (1e-4) and probabilities the softmax', async () => {
    const r = await run('gradcam', NODES[0]);
    expect(r.layer).toBe(NODES[0]);
    for (const f of refsOf('scores', 'scores')) {
      const p = r.predictions[IMAGES.indexOf(f.image)];
      const want = ref(f).data;
      expect(maxAbsDiff(p.logits, want)).toBeLessThan(1e-4);
      const pred = index.predictions.liveness[f.image];
      expect(maxAbsDiff(p.probabilities, pred.probabilities)).toBeLessThan(1e-5);
      expect(p.predicted).toBe(pred.argmax);
    }
  });

  it('node values equal the reference activations at both nodes', () => {
    for (const node of NODES) {
      const data = tf.tidy(() => splitModel(model, node).forward(images).features.dataSync());
      for (const f of refsOf('activations', 'activation_hwc').filter((x) => x.node === node)) {
        const want = ref(f).data;
        const i = IMAGES.indexOf(f.image);
        const got = data.subarray(i * want.length, (i + 1) * want.length);
        expect(maxAbsDiff(got, want)).toBeLessThan(1e-5 * Math.max(1, maxAbs(want)));
      }
    }
  });

  it.each(CAM)(
    '%s: gray maps within 1e-3 and raw maps within 1e-3 of max, every image, class and node',
    async (method) => {
      for (const node of NODES) {
        const r = await run(method, node);
        const grays = refsOf(method, 'gray').filter((f) => f.node === node);
        expect(grays).toHaveLength(IMAGES.length * 2);
        for (const f of grays) {
          expect(maxAbsDiff(heatmap(r, f.image, f.class!).map, ref(f).data)).toBeLessThan(1e-3);
        }
        for (const f of refsOf(method, 'raw_all_classes').filter((x) => x.node === node)) {
          const want = ref(f);
          const per = want.shape[1] * want.shape[2];
          for (let c = 0; c < want.shape[0]; c++) {
            const expected = want.data.subarray(c * per, (c + 1) * per);
            const got = heatmap(r, f.image, c).raw!.map((v) => Math.max(v, 0));
            // 1e-3 of max: XGrad-CAM divides by Σ A, so float32 rounding shows more than in the gray maps.
            expect(maxAbsDiff(got, expected)).toBeLessThan(1e-3 * maxAbs(expected) + 1e-7);
          }
        }
      }
    },
  );

  it('guided backprop (every ReLU, fused ones included) within 1e-3 of max|ref|', async () => {
    const r = await run('guided-backprop');
    const refs = refsOf('guided-backprop', 'guided_backprop_hwc');
    expect(refs).toHaveLength(IMAGES.length * 2);
    for (const f of refs) {
      const want = ref(f).data;
      expect(maxAbsDiff(heatmap(r, f.image, f.class!).map, want)).toBeLessThanOrEqual(1e-3 * maxAbs(want));
    }
  });

  it('guided Grad-CAM within 1e-3 of max|ref| at both nodes', async () => {
    for (const node of NODES) {
      const r = await run('guided-gradcam', node);
      for (const f of refsOf('guided-gradcam', 'guided_gradcam_hwc').filter((x) => x.node === node)) {
        const want = ref(f).data;
        expect(maxAbsDiff(heatmap(r, f.image, f.class!).map, want)).toBeLessThanOrEqual(
          1e-3 * maxAbs(want) + 1e-9,
        );
      }
    }
  });

  it('the default target is the last 4-D node with spatial size > 1 (the MaxPool before the head)', async () => {
    const r = await run('gradcam');
    expect(r.layer).toBe('StatefulPartitionedCall/sequential_1/max_pooling2d_2/MaxPool');
  });
});
