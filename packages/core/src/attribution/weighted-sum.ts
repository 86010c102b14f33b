import * as tf from '@tensorflow/tfjs-core';

/**
 * Σ_k weights[k, c] · features[..., k]: the CAM of every target `c` at once.
 * Features `[N, h, w, K]`; weights `[N, K, C]` (per image) or `[K, C]` (shared) → `[N, h, w, C]`.
 */
export function weightedSum(features: tf.Tensor4D, weights: tf.Tensor3D | tf.Tensor2D): tf.Tensor4D {
  return tf.tidy(() => {
    const [n, h, w, k] = features.shape;
    const c = weights.shape[weights.rank - 1];
    const flat = tf.reshape(features, [n, h * w, k]);
    const perImage =
      weights.rank === 3 ? (weights as tf.Tensor3D) : tf.tile(tf.expandDims(weights, 0), [n, 1, 1]);
    return tf.reshape(tf.matMul(flat, perImage as tf.Tensor3D), [n, h, w, c]);
  });
}
