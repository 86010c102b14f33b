import * as tf from '@tensorflow/tfjs-core';

/** Grad-CAM channel weights: α_k = spatial mean of ∂score/∂A_k. Grads `[N, h, w, K]` → `[N, K]`. */
export function gradcamWeights(grads: tf.Tensor4D): tf.Tensor2D {
  return tf.mean(grads, [1, 2]);
}
