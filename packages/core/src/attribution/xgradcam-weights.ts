import * as tf from '@tensorflow/tfjs-core';

/**
 * XGrad-CAM channel weights as pytorch-grad-cam: `w_k = Σ_ij g · A / (Σ_ij A + 1e-7)`.
 * Activations and grads `[N, h, w, K]` → `[N, K]`.
 */
export function xgradcamWeights(activations: tf.Tensor4D, grads: tf.Tensor4D): tf.Tensor2D {
  return tf.tidy(() => {
    const sumA = tf.add(tf.sum(activations, [1, 2], true), 1e-7);
    return tf.sum(tf.div(tf.mul(grads, activations), sumA), [1, 2]);
  });
}
