import * as tf from '@tensorflow/tfjs-core';

/**
 * Score-CAM's input masks for one image: each channel of `activations` `[h, w, K]` upsampled to
 * `size` with align-corners bilinear interpolation (torch `UpsamplingBilinear2d`), then min-max
 * normalised per channel with `(u - min) / (max - min + 1e-8)`. Returns `[K, H, W, 1]`, ready to
 * multiply the `[H, W, C]` input.
 */
export function scorecamMasks(activations: tf.Tensor3D, size: readonly [number, number]): tf.Tensor4D {
  return tf.tidy(() => {
    const up = tf.image.resizeBilinear(activations, [size[0], size[1]], true);
    const min = tf.min(up, [0, 1], true);
    const max = tf.max(up, [0, 1], true);
    const norm = tf.div(tf.sub(up, min), tf.add(tf.sub(max, min), 1e-8));
    return tf.expandDims(tf.transpose(norm, [2, 0, 1]), 3) as tf.Tensor4D;
  });
}

/** Score-CAM channel weights: softmax over channels of the masked-input scores `[N, K, classes]` → same shape. */
export function scorecamWeights(scores: tf.Tensor3D): tf.Tensor3D {
  return tf.tidy(() => tf.transpose(tf.softmax(tf.transpose(scores, [0, 2, 1])), [0, 2, 1]) as tf.Tensor3D);
}
