import '@tensorflow/tfjs'; // registers tfjs's gradient configs (tfjs-core's node bundle has none)
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { camNet } from '@camkit/core';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { relError } from '../../test/grad-suite.js';
import { seededUniform } from '../../test/random.js';
import { registerWasmTrainingKernels } from './register-wasm-training-kernels.js';

const BATCH = 3;
const SIZE = 13; // not divisible by the dilations: phases of unequal length
const CLASSES = 3;
const FILTERS = [8, 8, 12, 8];
const DILATIONS = [1, 2, 4, 3];

/**
 * A 3×3 kernel at dilation d as the undilated (2d + 1)×(2d + 1) kernel with zeros between the taps:
 * the same convolution, which every tfjs backend can differentiate.
 */
function expandKernel(k: tf.Tensor4D, d: number): tf.Tensor4D {
  return tf.tidy(() => {
    if (d === 1) return k.clone();
    const [kh, kw, ci, co] = k.shape;
    const size = (kh - 1) * d + 1;
    const taps = tf.unstack(tf.reshape(k, [kh * kw, ci, co]));
    const zero = tf.zeros([ci, co]);
    const cells: tf.Tensor[] = [];
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        cells.push(y % d === 0 && x % d === 0 ? (taps[(y / d) * kw + x / d] as tf.Tensor) : zero);
      }
    }
    return tf.reshape(tf.stack(cells), [size, size, ci, co]) as tf.Tensor4D;
  });
}

/** The 3×3 taps of an expanded kernel's gradient. */
function sampleTaps(g: tf.Tensor4D, d: number): tf.Tensor4D {
  return tf.tidy(() => tf.stridedSlice(g, [0, 0, 0, 0], g.shape, [d, d, 1, 1]) as tf.Tensor4D);
}

/**
 * The BN camNet's training-mode loss written with plain tfjs ops and expanded (undilated) kernels:
 * conv → batch-statistics BN → ReLU, ×4, GAP, dense, softmax cross-entropy. Independent of camkit's
 * layers and kernels.
 */
function referenceLoss(
  x: tf.Tensor4D,
  y: tf.Tensor2D,
  kernels: tf.Tensor4D[],
  bn: { gamma: tf.Tensor1D; beta: tf.Tensor1D; eps: number }[],
  dense: [tf.Tensor2D, tf.Tensor1D],
): tf.Scalar {
  let h: tf.Tensor4D = x;
  kernels.forEach((k, i) => {
    const c = tf.conv2d(h, k, 1, 'same');
    const { mean, variance } = tf.moments(c, [0, 1, 2]);
    const { gamma, beta, eps } = bn[i] as (typeof bn)[number];
    h = tf.relu(
      tf.add(tf.mul(tf.div(tf.sub(c, mean), tf.sqrt(tf.add(variance, eps))), gamma), beta),
    ) as tf.Tensor4D;
  });
  const logits = tf.add(tf.matMul(tf.mean(h, [1, 2]), dense[0]), dense[1]);
  return tf.losses.softmaxCrossEntropy(y, logits) as tf.Scalar;
}

function build(): tfl.Sequential {
  return camNet({
    inputSize: SIZE,
    channels: 3,
    filters: FILTERS,
    dilations: DILATIONS,
    batchNorm: true,
    numClasses: CLASSES,
  });
}

beforeAll(async () => {
  registerWasmTrainingKernels();
  await tf.setBackend('wasm');
});

describe('a dilated camNet with batch norm trains (linear dilated convs under a gradient)', () => {
  // wasm: camkit's phase-Winograd kernels; cpu: the portable forward-conv gradients (as webgpu).
  it.each(['wasm', 'cpu'])(
    'on %s its weight gradients equal the same net written with undilated expanded kernels on cpu',
    async (backend) => {
      await tf.setBackend(backend);
      const model = build();
      // Seeded weights, so a failure reproduces.
      model.setWeights(model.getWeights().map((w, i) => tf.tensor(seededUniform(100 + i, w.size), w.shape)));
      const xData = seededUniform(7, BATCH * SIZE * SIZE * 3);
      const yData = new Float32Array(BATCH * CLASSES);
      for (let i = 0; i < BATCH; i++) yData[i * CLASSES + (i % CLASSES)] = 1;
      // Snapshot, per layer, what the reference needs (read before the step moves the BN statistics).
      const snapshot = async (name: string) =>
        Promise.all(
          model
            .getLayer(name)
            .getWeights()
            .map(async (w) => ({ data: await w.data(), shape: w.shape })),
        );
      const layerWeights = new Map<string, { data: tf.TypedArray; shape: number[] }[]>();
      for (const l of model.layers)
        if (l.getWeights().length) layerWeights.set(l.name, await snapshot(l.name));

      const before = tf.memory().numTensors;
      const x = tf.tensor4d(xData, [BATCH, SIZE, SIZE, 3]);
      const y = tf.tensor2d(yData, [BATCH, CLASSES]);
      const convKernels = FILTERS.map((_, i) => model.getLayer(`conv${i + 1}`).trainableWeights[0]!);
      const { value, grads } = tf.variableGrads(
        () => {
          // model.apply with training: true, as a training step runs it (logits = softmax's input).
          const probs = model.apply(x, { training: true }) as tf.Tensor2D;
          return tf.neg(tf.mean(tf.sum(tf.mul(y, tf.log(probs)), 1))) as tf.Scalar;
        },
        convKernels.map((v) => v.read() as tf.Variable),
      );
      const wasmLoss = await value.data();
      const wasmGrads = await Promise.all(
        convKernels.map((v) => (grads[(v.read() as tf.Variable).name] as tf.Tensor).data()),
      );
      tf.dispose([value, ...Object.values(grads), x, y]);
      expect(tf.memory().numTensors).toBe(before);

      // Reference on cpu with stock tfjs ops (softmax cross-entropy from logits: the same loss);
      // gradients w.r.t. the expanded kernels, sampled at the taps.
      await tf.setBackend('cpu');
      const t = (layer: string, i: number) => {
        const w = (layerWeights.get(layer) as { data: tf.TypedArray; shape: number[] }[])[i]!;
        return tf.tensor(w.data, w.shape);
      };
      const kernels = FILTERS.map((_, i) =>
        expandKernel(t(`conv${i + 1}`, 0) as tf.Tensor4D, DILATIONS[i] as number),
      );
      const bn = FILTERS.map((_, i) => ({
        gamma: t(`bn${i + 1}`, 0) as tf.Tensor1D,
        beta: t(`bn${i + 1}`, 1) as tf.Tensor1D,
        eps: model.getLayer(`bn${i + 1}`).getConfig().epsilon as number,
      }));
      const dense: [tf.Tensor2D, tf.Tensor1D] = [
        t('logits', 0) as tf.Tensor2D,
        t('logits', 1) as tf.Tensor1D,
      ];
      const xc = tf.tensor4d(xData, [BATCH, SIZE, SIZE, 3]);
      const yc = tf.tensor2d(yData, [BATCH, CLASSES]);
      const refGrads = tf.grads((...ks: tf.Tensor[]) =>
        referenceLoss(xc, yc, ks as tf.Tensor4D[], bn, dense),
      )(kernels);
      const refLoss = await referenceLoss(xc, yc, kernels, bn, dense).data();
      expect(Math.abs((wasmLoss[0] as number) - (refLoss[0] as number))).toBeLessThan(1e-4);
      for (let i = 0; i < FILTERS.length; i++) {
        const taps = sampleTaps(refGrads[i] as tf.Tensor4D, DILATIONS[i] as number);
        expect(taps.shape).toEqual([3, 3, i === 0 ? 3 : FILTERS[i - 1], FILTERS[i]]);
        expect(relError(wasmGrads[i] as Float32Array, await taps.data())).toBeLessThanOrEqual(1e-4);
        taps.dispose();
      }
      model.dispose();
      await tf.setBackend('wasm');
    },
  );
});
