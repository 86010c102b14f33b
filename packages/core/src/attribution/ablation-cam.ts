import * as tf from '@tensorflow/tfjs-core';
import { perChannelLogits } from './channel-logits.js';
import type { ModelSplit, SplitForward } from './split-model.js';

/** pytorch-grad-cam's `AblationCAM` default: channels ablated per head pass. */
export const ABLATIONCAM_BATCH_SIZE = 32;

/** How far below the minimum a channel is pushed when the layer's minimum is not 0 (the library's `ABLATION_VALUE`). */
const ABLATION_OFFSET = 1e7;

/**
 * The value each sample of one batch of ablated copies gets, as pytorch-grad-cam's
 * `AblationLayer`: 0 for every sample when the image's activations have minimum 0 (a ReLU
 * output). Otherwise the library takes `min(batch) - 1e7` inside a loop that writes into the
 * batch, so sample j of every batch gets `v_(j+1)` with `v_0 = min(A)` and
 * `v_(i+1) = float32(v_i - 1e7)`. Behind an unbounded activation a constant `min - 1e7` gives a
 * different map, so the rule is reproduced exactly.
 */
export function ablationValues(minActivation: number, count: number): Float32Array {
  const out = new Float32Array(count);
  if (minActivation === 0) return out;
  let v = Math.fround(minActivation);
  for (let j = 0; j < count; j++) {
    v = Math.fround(v - ABLATION_OFFSET);
    out[j] = v;
  }
  return out;
}

/**
 * Copies of one image's activations `[h, w, K]`, copy j with channel `start + j` set to
 * `values[j]`, for j < `count`; copies `count..rows-1` are left intact (padding). → `[rows, h, w, K]`.
 */
export function ablatedCopies(
  activations: tf.Tensor3D,
  start: number,
  count: number,
  rows: number,
  values: Float32Array,
): tf.Tensor4D {
  return tf.tidy(() => {
    const k = activations.shape[2];
    const hot = new Float32Array(rows * k);
    const fill = new Float32Array(rows);
    for (let j = 0; j < count; j++) {
      hot[j * k + start + j] = 1;
      fill[j] = values[j];
    }
    const mask = tf.tensor4d(hot, [rows, 1, 1, k]);
    // A·(1 − m) + v·m writes v exactly into the ablated channel and leaves the others bit for bit.
    return tf.add(
      tf.mul(tf.expandDims(activations, 0), tf.sub(1, mask)),
      tf.mul(mask, tf.tensor4d(fill, [rows, 1, 1, 1])),
    ) as tf.Tensor4D;
  });
}

/**
 * Ablation-CAM scores `[N, K, classes]`: the logits of the network after the target layer when
 * channel k of image n is ablated (see `ablationValues`), `batchSize` channels per pass. Only the
 * layers downstream of the target are re-run (`split.head`); each image's forward pass is
 * repeated once at the batch size so that branches joining after the target layer (skip
 * connections) see the same image as the ablated copies. `minima[n]` is image n's minimum
 * activation (`tf.min(fwd.features, [1, 2, 3])`), read by the caller with async `data()`: the
 * ablation values depend on it, and webgpu in Node cannot read a tensor synchronously.
 */
export function ablationcamScores(
  split: ModelSplit,
  fwd: SplitForward,
  batchSize: number,
  minima: ArrayLike<number>,
): tf.Tensor3D {
  const rows = Math.min(batchSize, fwd.features.shape[3]);
  return perChannelLogits(fwd, rows, (acts, image, i) => {
    const copies = split.forward(tf.tile(image, [rows, 1, 1, 1]) as tf.Tensor4D);
    const values = ablationValues(minima[i], rows);
    return (start, count) => {
      const logits = split.head(ablatedCopies(acts, start, count, rows, values), copies);
      return tf.slice(logits, [0, 0], [count, -1]);
    };
  });
}

/**
 * Ablation-CAM channel weights `[N, K, C]` as pytorch-grad-cam: `w_k = (s − s_k) / s` with `s`
 * the target logit and `s_k` its value with channel k ablated (float32; the sign of `s`
 * matters). `scores` `[N, K, classes]`, `logits` `[N, classes]`, `selector` `[N, classes, C]`
 * (one one-hot column per target).
 */
export function ablationcamWeights(
  logits: tf.Tensor2D,
  scores: tf.Tensor3D,
  selector: tf.Tensor3D,
): tf.Tensor3D {
  return tf.tidy(() => {
    const ablated = tf.matMul(scores, selector);
    const original = tf.matMul(tf.expandDims(logits, 1) as tf.Tensor3D, selector);
    return tf.div(tf.sub(original, ablated), original) as tf.Tensor3D;
  });
}
