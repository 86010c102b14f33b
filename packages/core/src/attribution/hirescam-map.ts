import * as tf from '@tensorflow/tfjs-core';

/** HiResCAM raw map: `Σ_k g_k · A_k` per position. Activations, grads `[N, h, w, K]` → `[N, h, w, 1]`. */
export function hirescamMap(activations: tf.Tensor4D, grads: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => tf.sum(tf.mul(grads, activations), 3, true));
}
