// explain() on graph models, checked with properties that need no reference: the same network in
// Layers and graph form, cam == gradcam on GAP heads, finite differences against tfjs's own graph
// executor, the binary ±logit rule, and tensor hygiene.
import { join } from 'node:path';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, maxAbs, maxAbsDiff, useBackend } from '../../test/backends.js';
import { GRAPH_MODELS_DIR, graphFromArtifacts, loadGraph } from '../../test/load-graph.js';
import { graphFromGapNet } from '../../test/tiny-graph.js';
import { gapNet } from '../../test/tiny-models.js';
import { CamkitError } from '../errors.js';
import { inspectModel } from '../inspect/inspect-model.js';
import { explain } from './explain.js';
import { inputGradient } from './input-gradients.js';
import { splitModel } from './split-model.js';
import type { Method } from './types.js';
import { METHODS } from './validate-input.js';

const EMOTION_SCORE = 'StatefulPartitionedCall/model_1/global_average_pooling2d_1/Mean';
const EMOTION_CLASS_CONV = 'StatefulPartitionedCall/model_1/conv2d_5/BiasAdd';
// One side of a residual block: add_1 feeds this Relu (→ separable convs) and a strided conv.
const EMOTION_BRANCH = 'StatefulPartitionedCall/model_1/block3_sepconv1_act/Relu';
const ANTISPOOF_SCORE = 'StatefulPartitionedCall/sequential/dense_1/BiasAdd';

async function errorOf(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(CamkitError);
  const message = (e as Error).message;
  expect(message).not.toContain('\n');
  return message;
}

describe.each(BACKENDS)('explain on graph models (%s)', (backend) => {
  let net: tfl.LayersModel;
  let tiny: GraphModel;
  let emotion: GraphModel;
  let antispoof: GraphModel;
  let images: tf.Tensor4D;
  beforeAll(async () => {
    await useBackend(backend);
    net = gapNet({ size: 6, filters: [3, 4], classes: 3, seed: 5 });
    const { json, weights } = graphFromGapNet(net);
    tiny = await graphFromArtifacts(json, weights);
    emotion = await loadGraph(join(GRAPH_MODELS_DIR, 'emotion'));
    antispoof = await loadGraph(join(GRAPH_MODELS_DIR, 'antispoof'));
    images = tf.randomUniform([3, 6, 6, 3], 0, 1, 'float32', 2) as tf.Tensor4D;
  });
  afterAll(() => {
    for (const m of [net, tiny, emotion, antispoof]) m.dispose();
    images.dispose();
  });

  it.each(METHODS.filter((m) => m !== 'cam'))(
    '%s: the graph gives the maps of the same network in Layers form',
    async (method) => {
      const opts = { method: method as Method, targets: 'all' as const, samples: 3, steps: 4 };
      const a = await explain(net, images, { ...opts, layer: 'conv2' });
      const b = await explain(tiny, images, { ...opts, layer: 'model/conv2/Relu' });
      expect(b.heatmaps).toHaveLength(a.heatmaps.length);
      a.predictions.forEach((p, i) => {
        expect(maxAbsDiff(b.predictions[i].logits, p.logits)).toBeLessThan(1e-5);
        expect(maxAbsDiff(b.predictions[i].probabilities, p.probabilities)).toBeLessThan(1e-5);
      });
      a.heatmaps.forEach((h, i) => {
        expect(b.heatmaps[i].classIndex).toBe(h.classIndex);
        expect(maxAbsDiff(b.heatmaps[i].map, h.map)).toBeLessThanOrEqual(1e-4 * Math.max(1, maxAbs(h.map)));
      });
    },
  );

  it('cam == gradcam on a Mean → MatMul → BiasAdd head and on a class-conv → Mean head', async () => {
    for (const [model, x] of [
      [tiny, images],
      [emotion, tf.randomUniform([2, 64, 64, 1], 0, 1, 'float32', 4)],
    ] as const) {
      const cam = await explain(model, x as tf.Tensor4D, { method: 'cam', targets: 'all' });
      const grad = await explain(model, x as tf.Tensor4D, { method: 'gradcam', targets: 'all' });
      expect(cam.layer).toBe(grad.layer);
      cam.heatmaps.forEach((h, i) => {
        expect(maxAbsDiff(h.map, grad.heatmaps[i].map)).toBeLessThan(1e-4);
      });
      if (x !== images) x.dispose();
    }
    const info = inspectModel(emotion);
    expect(info.head).toEqual({ kind: 'class-conv-gap', camApplies: true });
    expect(info.defaultTarget).toBe(EMOTION_CLASS_CONV);
    expect(inspectModel(tiny).head).toEqual({ kind: 'gap-dense', camApplies: true });
  });

  it('input gradients equal central finite differences on a smooth graph (sigmoid convs)', async () => {
    const smoothNet = gapNet({ size: 5, filters: [3], classes: 2, seed: 8 });
    const { json, weights } = graphFromGapNet(smoothNet, { activation: 'Sigmoid' });
    const g = await graphFromArtifacts(json, weights);
    const x = tf.randomUniform([1, 5, 5, 3], 0, 1, 'float32', 9) as tf.Tensor4D;
    const mask = tf.tensor2d([[0, 1]]);
    const grad = tf.tidy(() => inputGradient(g, x, mask).dataSync());
    // The score through tfjs's own executor (GraphModel.execute), not camkit's interpreter.
    const score = (v: Float32Array) =>
      tf.tidy(
        () => (g.execute(tf.tensor4d(v, [1, 5, 5, 3]), 'model/logits/BiasAdd') as tf.Tensor).dataSync()[1],
      );
    const base = x.dataSync() as Float32Array;
    const eps = 1e-2;
    for (const i of [0, 7, 31, 74]) {
      const up = Float32Array.from(base);
      const down = Float32Array.from(base);
      up[i] += eps;
      down[i] -= eps;
      const fd = (score(up) - score(down)) / (2 * eps);
      expect(Math.abs(grad[i] - fd)).toBeLessThan(1e-3 * Math.max(1, Math.abs(fd)) + 2e-4);
    }
    expect(maxAbs(grad)).toBeGreaterThan(1e-3);
    x.dispose();
    mask.dispose();
    g.dispose();
    smoothNet.dispose();
  });

  it('input gradients through AvgPool, StridedSlice, RealDiv and Tanh stages (age) match finite differences through the executor', async () => {
    const age = await loadGraph(join(GRAPH_MODELS_DIR, 'age'));
    const x = tf.randomUniform([1, 64, 64, 3], 0, 1, 'float32', 12) as tf.Tensor4D;
    const mask = tf.tensor2d([[1]]);
    const g = tf.tidy(() => inputGradient(age, x, mask));
    const gnorm = tf.tidy(() => tf.norm(g).dataSync()[0]);
    expect(gnorm).toBeGreaterThan(0);
    const eps = 1e-2;
    const f = (sign: number) =>
      tf.tidy(
        () => (age.execute(tf.add(x, tf.mul(tf.div(g, gnorm), sign * eps))) as tf.Tensor).dataSync()[0],
      );
    const fd = (f(1) - f(-1)) / (2 * eps);
    expect(Math.abs(fd - gnorm)).toBeLessThan(2e-2 * gnorm);
    for (const t of [x, mask, g]) t.dispose();
    age.dispose();
  });

  it('a node on one side of a residual block: only its own output is replaced (tfjs executor agrees), and its gradient matches finite differences', async () => {
    const x = tf.randomUniform([1, 64, 64, 1], 0, 1, 'float32', 11) as tf.Tensor4D;
    const split = splitModel(emotion, EMOTION_BRANCH);
    const cls = 3;
    const { grad, feats, logits } = tf.tidy(() => {
      const fwd = split.forward(x);
      const mask = tf.oneHot([cls], 7);
      const g = tf.grads((a: tf.Tensor) => tf.sum(tf.mul(split.head(a as tf.Tensor4D, fwd), mask)))([
        fwd.features,
      ])[0];
      return { grad: g as tf.Tensor4D, feats: fwd.features, logits: fwd.logits };
    });
    // tfjs feeds the node's value and computes the other path from the input itself.
    const fed = (value: tf.Tensor) =>
      tf.tidy(() =>
        (emotion.execute({ input_1: x, [EMOTION_BRANCH]: value }, EMOTION_SCORE) as tf.Tensor).dataSync(),
      );
    const direct = tf.tidy(() => (emotion.execute(x, EMOTION_SCORE) as tf.Tensor).dataSync());
    expect(maxAbsDiff(logits.dataSync(), direct)).toBeLessThan(1e-4);
    const gnorm = tf.tidy(() => tf.norm(grad).dataSync()[0]);
    expect(gnorm).toBeGreaterThan(0);
    const eps = 1e-2;
    const dir = tf.tidy(() => tf.div(grad, gnorm));
    const up = tf.tidy(() => tf.add(feats, tf.mul(dir, eps)));
    const down = tf.tidy(() => tf.sub(feats, tf.mul(dir, eps)));
    const headUp = tf.tidy(() => split.head(up as tf.Tensor4D, split.forward(x)).dataSync());
    expect(maxAbsDiff(headUp, fed(up))).toBeLessThan(1e-4);
    const fd = (fed(up)[cls] - fed(down)[cls]) / (2 * eps);
    expect(Math.abs(fd - gnorm)).toBeLessThan(2e-2 * gnorm);
    for (const t of [x, grad, feats, logits, dir, up, down]) t.dispose();
  });

  it('one sigmoid output is binary: class 1 scores z, class 0 scores −z, probabilities [1 − p, p]', async () => {
    const x = tf.randomUniform([2, 128, 128, 3], 0, 1, 'float32', 5) as tf.Tensor4D;
    const r = await explain(antispoof, x, { method: 'gradcam', targets: 'all' });
    const z = tf.tidy(() => (antispoof.execute(x, ANTISPOOF_SCORE) as tf.Tensor).dataSync());
    const p = tf.tidy(() => (antispoof.execute(x) as tf.Tensor).dataSync());
    expect(r.heatmaps).toHaveLength(4);
    r.predictions.forEach((pred, i) => {
      expect(maxAbsDiff(pred.logits, [-z[i], z[i]])).toBeLessThan(1e-4);
      expect(maxAbsDiff(pred.probabilities, [1 - p[i], p[i]])).toBeLessThan(1e-5);
      expect(pred.predicted).toBe(p[i] > 0.5 ? 1 : 0);
      const [c0, c1] = r.heatmaps.filter((h) => h.imageIndex === i);
      expect(
        maxAbsDiff(
          c0.raw!,
          c1.raw!.map((v) => -v),
        ),
      ).toBeLessThan(1e-5 * Math.max(1, maxAbs(c1.raw!)));
      expect(maxAbs(c1.raw!)).toBeGreaterThan(0);
    });
    const info = inspectModel(antispoof);
    expect(info.numClasses).toBe(2);
    expect(info.score).toEqual({
      node: ANTISPOOF_SCORE,
      activation: 'sigmoid',
      preActivation: true,
      binary: true,
    });
    expect(info.head.camApplies).toBe(false);
    expect(await errorOf(explain(antispoof, x, { method: 'cam' }))).toMatch(/use method 'gradcam' instead$/);
    x.dispose();
  });

  it('grayscale input, bad targets and unknown nodes give one-line errors', async () => {
    const rgb = tf.zeros([1, 64, 64, 3]) as tf.Tensor4D;
    expect(await errorOf(explain(emotion, rgb, { method: 'gradcam' }))).toBe(
      "images have 3 channels but model 'input_1' expects 1",
    );
    rgb.dispose();
    const gray = tf.zeros([1, 64, 64, 1]) as tf.Tensor4D;
    const msg = await errorOf(explain(emotion, gray, { method: 'gradcam', layer: 'nope' }));
    expect(msg).toMatch(
      /^node 'nope' is not in the graph; candidate nodes, last first: StatefulPartitionedCall\/model_1\/conv2d_5\/BiasAdd, /,
    );
    expect(msg).toMatch(/\(\d+ more; inspectModel lists them all\)$/);
    expect(msg).not.toMatch(/weights|reduction_indices|unknown_/);
    expect(await errorOf(explain(emotion, gray, { method: 'gradcam', layer: 'unknown_9' }))).toMatch(
      /^node 'unknown_9' is a Const/,
    );
    expect(await errorOf(explain(emotion, gray, { method: 'gradcam', layer: EMOTION_SCORE }))).toMatch(
      /2-D output \[1, 7\]/,
    );
    gray.dispose();
  });

  it("a free input size (-1): explain runs at the images' size, inspectModel at 224 or the size asked for", async () => {
    const { json, weights } = graphFromGapNet(net);
    const input = json.modelTopology.node[0] as unknown as {
      attr: { shape: { shape: { dim: { size: string }[] } } };
    };
    input.attr.shape.shape.dim = ['-1', '-1', '-1', '3'].map((size) => ({ size }));
    const free = await graphFromArtifacts(json, weights);
    expect(inspectModel(free).shapesAt).toEqual([224, 224]);
    expect(inspectModel(free).input.shape).toEqual([null, null, null, 3]);
    expect(inspectModel(free, { inputSize: [8, 10] }).candidates[0].shape).toEqual([null, 8, 10, 3]);
    const big = tf.randomUniform([1, 8, 10, 3], 0, 1, 'float32', 3) as tf.Tensor4D;
    const r = await explain(free, big, { method: 'gradcam' });
    expect(r.heatmaps[0].rawShape).toEqual([8, 10]);
    const same = await explain(free, images, { method: 'gradcam', targets: 'all' });
    const fixed = await explain(tiny, images, { method: 'gradcam', targets: 'all' });
    same.heatmaps.forEach((h, i) => {
      expect(h.map).toEqual(fixed.heatmaps[i].map);
    });
    big.dispose();
    free.dispose();
  });

  it('a graph with two outputs is refused with a one-line error naming them', async () => {
    const { json, weights } = graphFromGapNet(net);
    json.modelTopology.node.push({ name: 'Identity_1', op: 'Identity', input: ['model/gap/Mean'] });
    const two = await graphFromArtifacts(json, weights);
    expect(await errorOf(explain(two, images, { method: 'gradcam' }))).toMatch(
      /^graph model 'input' has 2 outputs \(.*Identity.*\); explain needs one$/,
    );
    two.dispose();
  });

  it('leaves no tensors behind over 200 explains', async () => {
    await explain(tiny, images, { method: 'gradcam' });
    const before = tf.memory().numTensors;
    for (let i = 0; i < 200; i++)
      await explain(tiny, images, { method: i % 2 ? 'gradcam' : 'guided-gradcam', targets: 'all' });
    for (const method of METHODS) await explain(tiny, images, { method, samples: 2, steps: 2 });
    expect(tf.memory().numTensors).toBe(before);
  });
});
