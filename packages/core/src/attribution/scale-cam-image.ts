import * as tf from '@tensorflow/tfjs-core';
import { minMaxNormalize } from './min-max-normalize.js';

/**
 * pytorch-grad-cam's `scale_cam_image`: min-max normalise each map, then (when `size` is given
 * and differs) resize it bilinearly with half-pixel centres, i.e. OpenCV `INTER_LINEAR`.
 * Maps `[N, h, w, C]` → `[N, H, W, C]`.
 */
export function scaleCamImage(maps: tf.Tensor4D, size?: readonly [number, number]): tf.Tensor4D {
  return tf.tidy(() => {
    const normalized = minMaxNormalize(maps);
    if (!size || (size[0] === maps.shape[1] && size[1] === maps.shape[2])) return normalized;
    return tf.image.resizeBilinear(normalized, [size[0], size[1]], false, true);
  });
}

/**
 * The reference's full post-processing of a raw CAM: `minmax(relu(resize(minmax(relu(raw)))))`
 * (ReLU, `scale_cam_image` to the input size, then ReLU and min-max once more, as BaseCAM does
 * when it aggregates). Maps `[N, h, w, C]` → `[N, H, W, C]` in [0, 1].
 */
export function postprocessCam(raw: tf.Tensor4D, size: readonly [number, number]): tf.Tensor4D {
  return tf.tidy(() => minMaxNormalize(tf.relu(scaleCamImage(tf.relu(raw), size))));
}
