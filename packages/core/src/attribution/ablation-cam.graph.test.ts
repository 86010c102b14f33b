// Ablation-CAM on a real converted graph model (the graph-reference liveness net), checked against
// scores computed without camkit's graph interpreter: tfjs's own GraphModel.execute with the
// target node's value fed through the input map, one channel ablated at a time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, maxAbs, maxAbsDiff, useBackend } from '../../test/backends.js';
import { GRAPH_FIXTURE_DIR } from '../../test/fixture-dir.js';
import { readNpy } from '../../test/npy.js';
import { loadModel } from '../io/node/load-model.js';
import { explain } from './explain.js';

const spec = JSON.parse(readFileSync(join(GRAPH_FIXTURE_DIR, 'index.json'), 'utf8')).models.liveness;
const NODES: string[] = spec.target_nodes;
const IMAGES = ['img00_astronaut_face', 'img02_grace_hopper', 'img04_raccoon'];

describe.each(BACKENDS)('ablationcam on the liveness graph model vs GraphModel.execute (%s)', (backend) => {
  let model: GraphModel;
  let images: tf.Tensor4D;
  beforeAll(async () => {
    await useBackend(backend);
    model = (await loadModel(join(GRAPH_FIXTURE_DIR, spec.model_json))) as GraphModel;
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

  it.each(NODES.map((n) => [n]))('%s: channel weights (s − s_k)/s for both classes', async (node) => {
    const started = tf.memory().numTensors;
    const r = await explain(model, images, { method: 'ablationcam', layer: node, targets: 'all' });
    expect(tf.memory().numTensors).toBe(started);
    for (let i = 0; i < IMAGES.length; i++) {
      const expected = tf.tidy(() => {
        const x = tf.slice(images, [i, 0, 0, 0], [1, -1, -1, -1]);
        const acts = model.execute({ [spec.input_node]: x }, node) as tf.Tensor4D;
        const k = acts.shape[3];
        // The library's ablation value: 0 when min = 0, else min − 1e7 lowered again for each copy of
        // a batch (32 channels per batch, so channel k is copy k % 32), in float32.
        const min = tf.min(acts).dataSync()[0];
        const value = (ch: number) => {
          let v = Math.fround(min);
          for (let j = 0; j <= ch % 32; j++) v = Math.fround(v - 1e7);
          return min === 0 ? 0 : v;
        };
        const s = (model.execute({ [spec.input_node]: x }, spec.logits_node) as tf.Tensor).dataSync();
        return Array.from({ length: spec.num_classes }, (_, c) =>
          Float32Array.from({ length: k }, (_, ch) => {
            const hot = tf.reshape(tf.oneHot(ch, k), [1, 1, 1, k]);
            const ablated = tf.add(tf.mul(acts, tf.sub(1, hot)), tf.mul(hot, value(ch)));
            const sk = (model.execute({ [node]: ablated }, spec.logits_node) as tf.Tensor).dataSync();
            return Math.fround(Math.fround(s[c] - sk[c]) / s[c]);
          }),
        );
      });
      // Ablated values near −1e7 flow through the head: float32 rounding there (fused vs unfused ops,
      // ~1 ulp of 1e7) shows as up to ~3e-4 of the largest weight on wasm.
      for (let c = 0; c < spec.num_classes; c++) {
        const h = r.heatmaps.find((x) => x.imageIndex === i && x.classIndex === c)!;
        const rel = maxAbsDiff(h.weights!, expected[c]) / maxAbs(expected[c]);
        expect(rel, `${IMAGES[i]} c${c}`).toBeLessThan(1e-3);
      }
    }
  });
});
