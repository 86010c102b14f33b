import * as tf from '@tensorflow/tfjs-core';
import { CamFuse, type CamFuseAttrs } from '../kernels-contract/cam-fuse.js';
import { postprocessCam } from './scale-cam-image.js';
import { weightedSum } from './weighted-sum.js';

/** True when a `CamFuse` kernel (from @camkit/kernels) is registered for the active backend. */
export function hasCamFuseKernel(): boolean {
  return tf.getKernel(CamFuse, tf.getBackend()) !== undefined;
}

/**
 * Weighted sum + the reference post-processing in one step: features `[N, h, w, K]`, weights
 * `[N, K, C]` or `[K, C]` → gray maps `[N, C, H, W]` =
 * `minmax(relu(resize_halfpixel(minmax(relu(Σ_k w_k A_k)))))`. Runs the `CamFuse` kernel when
 * one is registered for the active backend, stock tfjs ops otherwise (same result).
 */
export function fuseCam(
  features: tf.Tensor4D,
  weights: tf.Tensor3D | tf.Tensor2D,
  outSize: readonly [number, number],
): tf.Tensor4D {
  if (hasCamFuseKernel()) {
    const attrs: CamFuseAttrs = {
      outSize: [outSize[0], outSize[1]],
      relu: true,
      normalize: true,
      halfPixel: true,
    };
    return tf
      .engine()
      .runKernel(CamFuse, { features, weights }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor4D;
  }
  return tf.tidy(() => tf.transpose(postprocessCam(weightedSum(features, weights), outSize), [0, 3, 1, 2]));
}
