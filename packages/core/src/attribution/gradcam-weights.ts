import * as tf from '@tensorflow/tfjs-core';
import { GradcamWeights } from '../kernels-contract/cam-fuse.js';

/**
 * Grad-CAM channel weights: α_k = spatial mean of ∂score/∂A_k. Grads `[N, h, w, K]` → `[N, K]`.
 * Runs the `GradcamWeights` kernel (input `{ grads }`) when one is registered for the active
 * backend, `tf.mean` otherwise.
 */
export function gradcamWeights(grads: tf.Tensor4D): tf.Tensor2D {
  if (tf.getKernel(GradcamWeights, tf.getBackend()) !== undefined) {
    return tf.engine().runKernel(GradcamWeights, { grads }) as tf.Tensor2D;
  }
  return tf.mean(grads, [1, 2]);
}
