import * as tf from '@tensorflow/tfjs-core';

/**
 * Grad-CAM element-wise raw map (pytorch-grad-cam `GradCAMElementWise`): `Σ_k relu(g_k · A_k)`
 * per position, so a channel only ever adds evidence where its own product is positive.
 * Activations, grads `[N, h, w, K]` → `[N, h, w, 1]`.
 */
export function gradcamElementwiseMap(activations: tf.Tensor4D, grads: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => tf.sum(tf.relu(tf.mul(grads, activations)), 3, true));
}
