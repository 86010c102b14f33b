import * as tf from '@tensorflow/tfjs-core';
import { GradcamWeights } from '../kernels-contract/cam-fuse.js';
import { checkCamInputs } from './check-cam-inputs.js';

/**
 * Grad-CAM channel weights: α_k = spatial mean of ∂score/∂A_k. Grads `[N, h, w, K]` → `[N, K]`.
 * Validates its input, then runs the `GradcamWeights` kernel (input `{ grads }`, from
 * @camkit/kernels) when one is registered for the active backend, `tf.mean` otherwise.
 * camkit's one `gradcamWeights`.
 */
export function gradcamWeights(grads: tf.Tensor4D): tf.Tensor2D {
  checkCamInputs('gradcamWeights', { grads });
  if (tf.getKernel(GradcamWeights, tf.getBackend()) !== undefined) {
    return tf.engine().runKernel(GradcamWeights, { grads }) as tf.Tensor2D;
  }
  return tf.mean(grads, [1, 2]);
}
