import * as tf from '@tensorflow/tfjs-core';
import { eigenMaps } from './eigen-maps.js';

/**
 * EigenGrad-CAM raw map (pytorch-grad-cam `EigenGradCAM`): the first principal component of
 * `g · A` (Eigen-CAM's projection applied to the gradient-weighted activations, so unlike
 * Eigen-CAM it depends on the class). The sign follows `eigenProjection`'s rule.
 * Activations, grads `[N, h, w, K]` → `[N, h, w, 1]`.
 */
export function eigengradcamMap(activations: tf.Tensor4D, grads: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => eigenMaps(tf.mul(grads, activations) as tf.Tensor4D));
}
