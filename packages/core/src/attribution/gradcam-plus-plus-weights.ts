import * as tf from '@tensorflow/tfjs-core';
import { GradcamPlusPlusWeights } from '../kernels-contract/cam-fuse.js';
import { checkCamInputs } from './check-cam-inputs.js';

/**
 * Grad-CAM++ channel weights, pytorch-grad-cam's variant:
 * `a = g² / (2g² + Σ_ij(A) g³ + 1e-6)` (0 where g = 0), `w_k = Σ_ij relu(g) · a`.
 * Activations and grads `[N, h, w, K]` → `[N, K]` (activations first, like every CAM weight
 * function here). Validates its inputs, then runs the `GradcamPlusPlusWeights` kernel (from
 * @camkit/kernels) when one is registered for the active backend, stock ops otherwise.
 * camkit's one `gradcamPlusPlusWeights`; not differentiable (no method needs it).
 */
export function gradcamPlusPlusWeights(activations: tf.Tensor4D, grads: tf.Tensor4D): tf.Tensor2D {
  checkCamInputs('gradcamPlusPlusWeights', { activations, grads });
  if (tf.getKernel(GradcamPlusPlusWeights, tf.getBackend()) !== undefined) {
    return tf.engine().runKernel(GradcamPlusPlusWeights, { grads, activations }) as tf.Tensor2D;
  }
  return tf.tidy(() => {
    const g2 = tf.square(grads);
    const g3 = tf.mul(g2, grads);
    const sumA = tf.sum(activations, [1, 2], true);
    const denom = tf.add(tf.add(tf.mul(g2, 2), tf.mul(sumA, g3)), 1e-6);
    const aij = tf.where(tf.notEqual(grads, 0), tf.div(g2, denom), tf.zerosLike(grads));
    return tf.sum(tf.mul(tf.relu(grads), aij), [1, 2]);
  });
}
