// The model split at a target layer: gradients against central finite differences (also through
// skip connections), and nested base models (tf-keras-vis #63 "Graph disconnected").
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, maxAbsDiff, useBackend } from '../../test/backends.js';
import { explain } from './explain.js';
import { splitModel } from './split-model.js';
import { findTargetLayer, listCandidateLayers } from './target-layer.js';

const conv = (
  name: string,
  filters: number,
  activation: 'relu' | 'tanh',
  seed: number,
  inputShape?: number[],
) =>
  tfl.layers.conv2d({
    name,
    filters,
    kernelSize: 3,
    padding: 'same',
    activation,
    kernelInitializer: tfl.initializers.glorotNormal({ seed }),
    biasInitializer: tfl.initializers.randomUniform({ minval: -0.1, maxval: 0.1, seed }),
    ...(inputShape ? { inputShape } : {}),
  });

/** x → c1 (relu) → c2 (tanh) → add(c1, c2) → pool → c3 (tanh) → GAP → Dense(softmax): smooth after c1. */
function residualNet(): tfl.LayersModel {
  const input = tfl.input({ shape: [6, 6, 2] });
  const c1 = conv('c1', 3, 'relu', 1).apply(input) as tfl.SymbolicTensor;
  const c2 = conv('c2', 3, 'tanh', 2).apply(c1) as tfl.SymbolicTensor;
  const sum = tfl.layers.add({ name: 'skip' }).apply([c1, c2]) as tfl.SymbolicTensor;
  const pooled = tfl.layers.maxPooling2d({ name: 'pool', poolSize: 2 }).apply(sum) as tfl.SymbolicTensor;
  const c3 = conv('c3', 4, 'tanh', 3).apply(pooled) as tfl.SymbolicTensor;
  const gap = tfl.layers.globalAveragePooling2d({ name: 'gap' }).apply(c3) as tfl.SymbolicTensor;
  const out = tfl.layers
    .dense({
      name: 'out',
      units: 2,
      activation: 'softmax',
      kernelInitializer: tfl.initializers.glorotNormal({ seed: 4 }),
    })
    .apply(gap) as tfl.SymbolicTensor;
  return tfl.model({ inputs: input, outputs: out });
}

/** Central finite differences of logit `cls` w.r.t. `features` at `positions`, via the split head. */
function finiteDifferences(
  split: ReturnType<typeof splitModel>,
  fwd: ReturnType<ReturnType<typeof splitModel>['forward']>,
  cls: number,
  positions: number[],
  eps: number,
): number[] {
  const base = fwd.features.dataSync();
  const [n] = fwd.features.shape;
  const classes = fwd.logits.shape[1];
  return positions.map((pos) => {
    const image = Math.floor(pos / (base.length / n));
    const f = (delta: number) =>
      tf.tidy(() => {
        const values = Float32Array.from(base);
        values[pos] += delta;
        const logits = split.head(tf.tensor4d(values, fwd.features.shape), fwd);
        return logits.dataSync()[image * classes + cls];
      });
    return (f(eps) - f(-eps)) / (2 * eps);
  });
}

describe.each(BACKENDS)('splitModel (%s)', (backend) => {
  beforeAll(() => useBackend(backend));

  it.each(['c1', 'c2', 'c3'])(
    '∂logit/∂A at %s equals central finite differences (skip connection)',
    (layer) => {
      const model = residualNet();
      const before = tf.memory().numTensors;
      const images = tf.randomUniform([2, 6, 6, 2], 0, 1, 'float32', 5) as tf.Tensor4D;
      tf.tidy(() => {
        const split = splitModel(model, layer);
        const fwd = split.forward(images);
        // The forward pass is the model's own prediction, before its softmax.
        const predicted = model.predict(images) as tf.Tensor;
        expect(maxAbsDiff(tf.softmax(fwd.logits).dataSync(), predicted.dataSync())).toBeLessThan(1e-6);
        for (const cls of [0, 1]) {
          const mask = tf.oneHot(tf.tensor1d([cls, cls], 'int32'), 2);
          const grad = tf.grads((a: tf.Tensor) => tf.sum(tf.mul(split.head(a as tf.Tensor4D, fwd), mask)))([
            fwd.features,
          ])[0];
          const g = grad.dataSync();
          const size = fwd.features.size;
          const positions = [0, 3, 7, Math.floor(size / 3), Math.floor(size / 2) + 1, size - 5, size - 1];
          const fd = finiteDifferences(split, fwd, cls, positions, 1e-2);
          positions.forEach((pos, i) => {
            expect(Math.abs(g[pos] - fd[i]), `${layer} class ${cls} at ${pos}`).toBeLessThan(
              2e-3 + 1e-2 * Math.abs(fd[i]),
            );
          });
        }
      });
      images.dispose();
      expect(tf.memory().numTensors).toBe(before);
      model.dispose();
    },
  );

  it('Grad-CAM α through explain equals finite differences along each channel', async () => {
    const model = residualNet();
    const images = tf.randomUniform([1, 6, 6, 2], 0, 1, 'float32', 9) as tf.Tensor4D;
    const r = await explain(model, images, { method: 'gradcam', layer: 'c2', targets: [1] });
    const alpha = r.heatmaps[0].weights!;
    tf.tidy(() => {
      const split = splitModel(model, 'c2');
      const fwd = split.forward(images);
      const [, h, w, k] = fwd.features.shape;
      const eps = 1e-2;
      for (let c = 0; c < k; c++) {
        const direction = tf.mul(tf.oneHot(tf.fill([h * w], c, 'int32'), k), eps);
        const shifted = (s: number) =>
          split
            .head(tf.add(fwd.features, tf.mul(tf.reshape(direction, [1, h, w, k]), s)) as tf.Tensor4D, fwd)
            .dataSync()[1];
        const fd = (shifted(1) - shifted(-1)) / (2 * eps) / (h * w);
        expect(Math.abs(alpha[c] - fd)).toBeLessThan(1e-3 + 1e-2 * Math.abs(fd));
      }
    });
    images.dispose();
    model.dispose();
  });

  it('nested base model: target inside it works, and equals the same weights in a flat model', async () => {
    const base = tfl.sequential({
      name: 'base',
      layers: [conv('bc1', 4, 'relu', 11, [8, 8, 3]), conv('bc2', 5, 'relu', 12)],
    });
    const input = tfl.input({ shape: [8, 8, 3] });
    const features = base.apply(input) as tfl.SymbolicTensor;
    const gap = tfl.layers.globalAveragePooling2d({ name: 'gap' }).apply(features) as tfl.SymbolicTensor;
    const head = tfl.layers.dense({ name: 'head', units: 3, activation: 'softmax' });
    const nested = tfl.model({ inputs: input, outputs: head.apply(gap) as tfl.SymbolicTensor });
    // Same layers, flat (the shape tf-keras-vis handles), weights copied.
    const flat = tfl.sequential({
      layers: [
        conv('f1', 4, 'relu', 21, [8, 8, 3]),
        conv('f2', 5, 'relu', 22),
        tfl.layers.globalAveragePooling2d({}),
        tfl.layers.dense({ units: 3, activation: 'softmax' }),
      ],
    });
    flat.setWeights(nested.getWeights());

    // The usual split, a symbolic sub-model from the outer inputs to the inner layer, fails here.
    expect(() =>
      tfl.model({ inputs: nested.inputs, outputs: base.getLayer('bc1').output as tfl.SymbolicTensor }),
    ).toThrow(/disconnected/i);
    expect(listCandidateLayers(nested)).toEqual(['bc1', 'bc2']);
    expect(findTargetLayer(nested)).toBe('bc2');
    const images = tf.randomUniform([2, 8, 8, 3], 0, 1, 'float32', 13) as tf.Tensor4D;
    for (const [method, layer, flatLayer] of [
      ['gradcam', 'bc1', 'f1'],
      ['gradcam++', 'bc1', 'f1'],
      ['cam', undefined, undefined],
      ['scorecam', 'bc1', 'f1'],
    ] as const) {
      const ours = await explain(nested, images, { method, layer, targets: 'all' });
      const ref = await explain(flat, images, { method, layer: flatLayer, targets: 'all' });
      expect(ours.layer).toBe(layer ?? 'bc2');
      ours.heatmaps.forEach((hm, i) => {
        expect(maxAbsDiff(hm.map, ref.heatmaps[i].map), `${method}`).toBeLessThan(1e-5);
      });
    }
    // Logits are the pre-softmax scores of the nested model's output.
    const r = await explain(nested, images, { method: 'gradcam', layer: 'bc1' });
    const probs = (nested.predict(images) as tf.Tensor).arraySync() as number[][];
    r.predictions.forEach((p, i) => {
      expect(maxAbsDiff(p.probabilities, probs[i])).toBeLessThan(1e-5);
    });
    images.dispose();
    nested.dispose();
    flat.dispose();
  });
});

describe('default CAM target', () => {
  it('skips the 1×1 layers after a global pool (a MobileNetV3-style classifier), as inspect says', async () => {
    // GAP reshaped to 1×1 (Keras' keepdims), then 1×1 convs to the logits: every layer after the
    // pool is 4-D but 1×1.
    const input = tfl.input({ shape: [8, 8, 3] });
    const features = tfl.layers
      .conv2d({ name: 'features', filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' })
      .apply(input) as tfl.SymbolicTensor;
    const gap = tfl.layers.globalAveragePooling2d({}).apply(features);
    const pooled = tfl.layers.reshape({ name: 'pool', targetShape: [1, 1, 4] }).apply(gap);
    const hidden = tfl.layers
      .conv2d({ name: 'hidden', filters: 6, kernelSize: 1, activation: 'relu' })
      .apply(pooled) as tfl.SymbolicTensor;
    const logits = tfl.layers.conv2d({ name: 'logits', filters: 3, kernelSize: 1 }).apply(hidden);
    const flat = tfl.layers.flatten().apply(logits) as tfl.SymbolicTensor;
    const model = tfl.model({
      inputs: input,
      outputs: tfl.layers.softmax().apply(flat) as tfl.SymbolicTensor,
    });
    expect(listCandidateLayers(model)).toEqual(['features', 'pool', 'hidden', 'logits']);
    expect(findTargetLayer(model)).toBe('features');
    const images = tf.randomUniform([1, 8, 8, 3], 0, 1, 'float32', 5) as tf.Tensor4D;
    const r = await explain(model, images, { method: 'gradcam' });
    expect(r.layer).toBe('features');
    // The map varies over the image (a 1×1 layer's map would be constant).
    const map = r.heatmaps[0].map;
    expect(Math.max(...map) - Math.min(...map)).toBeGreaterThan(0.1);
    images.dispose();
    model.dispose();
  });

  it('falls back to the last 4-D layer when every one is 1×1', () => {
    const model = tfl.sequential({
      layers: [
        tfl.layers.conv2d({ name: 'only', inputShape: [1, 1, 2], filters: 2, kernelSize: 1 }),
        tfl.layers.flatten(),
        tfl.layers.dense({ units: 2 }),
      ],
    });
    expect(findTargetLayer(model)).toBe('only');
    model.dispose();
  });
});
