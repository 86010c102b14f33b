import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { explain } from '../attribution/explain.js';
import { listCandidateLayers } from '../attribution/target-layer.js';
import { FAMILIES } from './families.js';
import { hardSigmoid, hardSwish } from './hard-swish.js';
import { correctPad, makeDivisible } from './make-divisible.js';
import { mobilenetV3Large } from './mobilenet-v3.js';
import { resnet18 } from './resnet-v1.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// The layer kinds each architecture is defined by (from the papers / Keras applications).
const KINDS: Record<string, string[]> = {
  mobilenet_v1: ['DepthwiseConv2D', 'BatchNormalization', 'ReLU', 'ZeroPadding2D', 'Reshape', 'Dropout'],
  mobilenet_v2: ['DepthwiseConv2D', 'BatchNormalization', 'ReLU', 'Add', 'ZeroPadding2D', 'Dense'],
  mobilenet_v3: ['DepthwiseConv2D', 'Rescaling', 'ReLU', 'Multiply', 'Add', 'GlobalAveragePooling2D'],
  resnet50_v1: ['ZeroPadding2D', 'MaxPooling2D', 'BatchNormalization', 'Add', 'Dense'],
  resnet50_v2: ['ZeroPadding2D', 'MaxPooling2D', 'BatchNormalization', 'Add', 'Dense'],
  efficientnet_b0: ['DepthwiseConv2D', 'Multiply', 'Add', 'Dropout', 'Rescaling', 'ZeroPadding2D'],
  xception: ['SeparableConv2D', 'MaxPooling2D', 'Add', 'BatchNormalization'],
  densenet121: ['Concatenate', 'AveragePooling2D', 'ZeroPadding2D', 'MaxPooling2D'],
  vgg16: ['Conv2D', 'MaxPooling2D', 'Flatten', 'Dense'],
};

interface GraphLayer {
  name: string;
  inboundNodes: { inboundLayers: GraphLayer[] }[];
}

/** True when the output is reachable from the input without passing through `avoid`. */
function bypasses(model: LayersModel, avoid: string): boolean {
  const layers = model.layers as unknown as GraphLayer[];
  const outName = model.outputs[0].sourceLayer.name;
  const seen = new Set<string>();
  const stack = [outName];
  while (stack.length) {
    const name = stack.pop()!;
    if (name === avoid || seen.has(name)) continue;
    seen.add(name);
    const layer = layers.find((l) => l.name === name)!;
    for (const node of layer.inboundNodes) for (const l of node.inboundLayers) stack.push(l.name);
  }
  return seen.has(model.inputs[0].sourceLayer.name);
}

describe.each(FAMILIES)('family $name', (family) => {
  it('builds with its defining layer kinds, a softmax over 5 classes, and 4-D outputs at its test layers', () => {
    const model = family.build();
    const kinds = new Set(model.layers.map((l) => l.getClassName()));
    for (const k of KINDS[family.name]) expect(kinds.has(k), k).toBe(true);
    const candidates = listCandidateLayers(model);
    for (const layer of [family.last, family.mid, family.inner])
      if (layer) expect(candidates).toContain(layer);
    const probs = tf.tidy(() =>
      (model.predict(tf.randomUniform([2, 32, 32, 3])) as tf.Tensor).arraySync(),
    ) as number[][];
    for (const row of probs) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    model.dispose();
  });

  it('the inner node has a path around it (a shortcut), the block outputs are cut points', () => {
    const model = family.build();
    if (family.inner) expect(bypasses(model, family.inner)).toBe(true);
    if (family.name !== 'densenet121') expect(bypasses(model, family.last)).toBe(false);
    model.dispose();
  });

  it('the same seed builds the same weights; another seed does not', () => {
    const [a, b, c] = [1, 1, 2].map((seed) => family.build({ seed }));
    const sum = (m: LayersModel) => tf.tidy(() => m.getWeights().map((w) => tf.sum(tf.abs(w)).dataSync()[0]));
    expect(sum(a)).toEqual(sum(b));
    expect(sum(a)).not.toEqual(sum(c));
    for (const m of [a, b, c]) m.dispose();
  });

  it('gradcam maps of an image do not depend on the rest of the batch (BN and Dropout in inference mode)', async () => {
    const model = family.build();
    const [a, ab] = tf.tidy(() => {
      const img = tf.randomUniform([1, 32, 32, 3], 0, 1, 'float32', 4);
      const other = tf.randomUniform([1, 32, 32, 3], 0, 1, 'float32', 5);
      return [img, tf.concat([img, other])] as tf.Tensor4D[];
    });
    const alone = await explain(model, a, { method: 'gradcam', layer: family.mid, targets: [2] });
    const mixed = await explain(model, ab, { method: 'gradcam', layer: family.mid, targets: [2, 0] });
    const d = alone.heatmaps[0].raw!.reduce(
      (m, v, i) => Math.max(m, Math.abs(v - mixed.heatmaps[0].raw![i])),
      0,
    );
    expect(d).toBeLessThan(1e-5 * Math.max(1e-6, ...alone.heatmaps[0].raw!.map(Math.abs)));
    tf.dispose([a, ab]);
    model.dispose();
  });
});

describe('building blocks', () => {
  it('hardSigmoid and hardSwish equal relu6(x + 3) / 6 and x · relu6(x + 3) / 6 (float64 loop)', () => {
    const input = tfl.input({ shape: [9] });
    const model = tfl.model({ inputs: input, outputs: [hardSigmoid(input, 'hs'), hardSwish(input, 'hw')] });
    const xs = [-5, -3, -2.5, -1, 0, 0.5, 2.9, 3, 7];
    const [hs, hw] = tf.tidy(() =>
      (model.predict(tf.tensor2d([xs])) as tf.Tensor[]).map((t) => Array.from(t.dataSync())),
    );
    xs.forEach((x, i) => {
      const ref = Math.min(Math.max(x + 3, 0), 6) / 6;
      expect(hs[i]).toBeCloseTo(ref, 6);
      expect(hw[i]).toBeCloseTo(x * ref, 6);
    });
    model.dispose();
  });

  it('makeDivisible and correctPad match hand-worked torchvision/Keras values', () => {
    // 72/4 = 18 rounds to 16, below 90 % of 18, so 24 (torchvision's SE width for 72 channels).
    expect([makeDivisible(18), makeDivisible(30), makeDivisible(3), makeDivisible(120 / 4)]).toEqual([
      24, 32, 8, 32,
    ]);
    expect(correctPad(3)).toEqual([
      [0, 1],
      [0, 1],
    ]);
    expect(correctPad(5)).toEqual([
      [1, 2],
      [1, 2],
    ]);
  });

  it("resnet18 and mobilenetV3Large have torchvision's parameter counts (11,689,512 and 5,483,032)", () => {
    // torchvision counts BN's gamma/beta as parameters and its running statistics as buffers:
    // the trainable weights here.
    const count = (m: LayersModel) =>
      m.trainableWeights.reduce((s, w) => s + (w.shape as number[]).reduce((a, b) => a * b, 1), 0);
    const r = resnet18();
    const m = mobilenetV3Large();
    expect([count(r), count(m)]).toEqual([11_689_512, 5_483_032]);
    r.dispose();
    m.dispose();
  });
});
