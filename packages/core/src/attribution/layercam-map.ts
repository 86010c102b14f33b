import * as tf from '@tensorflow/tfjs-core';

/** LayerCAM raw map: `Σ_k relu(g_k) · A_k` per position. Activations, grads `[N, h, w, K]` → `[N, h, w, 1]`. */
export function layercamMap(activations: tf.Tensor4D, grads: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => tf.sum(tf.mul(tf.relu(grads), activations), 3, true));
}
