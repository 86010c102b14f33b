import * as tf from '@tensorflow/tfjs-core';
import { eigenMaps } from './eigen-maps.js';

/**
 * EigenGrad-CAM raw map (pytorch-grad-cam `EigenGradCAM`): the first principal component of
 * `g · A` (Eigen-CAM's projection applied to the gradient-weighted activations, so unlike
 * Eigen-CAM it depends on the class). The sign follows `eigenProjection`'s rule.
 * Activations, grads `[N, h, w, K]` → `[N, h, w, 1]`. Async: the product is read to the host with
 * `data()` for the float64 projection (webgpu in Node has no synchronous read).
 */
export async function eigengradcamMap(activations: tf.Tensor4D, grads: tf.Tensor4D): Promise<tf.Tensor4D> {
  const product = eigengradcamProduct(activations, grads);
  try {
    return eigenMaps((await product.data()) as Float32Array, product.shape);
  } finally {
    product.dispose();
  }
}

/** What EigenGrad-CAM projects: `g · A`, `[N, h, w, K]` (explain reads it along with the other targets'). */
export function eigengradcamProduct(activations: tf.Tensor4D, grads: tf.Tensor4D): tf.Tensor4D {
  return tf.mul(grads, activations) as tf.Tensor4D;
}
