import * as tf from '@tensorflow/tfjs-core';

/** Added to the range, as pytorch-grad-cam's `scale_cam_image`, so an all-zero map stays zero. */
export const MINMAX_EPS = 1e-7;

/**
 * Min-max normalises each map of a batch over its spatial axes:
 * `(x - min) / (max(x - min) + 1e-7)`. Input `[N, h, w, C]` (one map per image and channel);
 * a constant map becomes all zeros, never NaN.
 */
export function minMaxNormalize(maps: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => {
    const shifted = tf.sub(maps, tf.min(maps, [1, 2], true));
    return tf.div(shifted, tf.add(tf.max(shifted, [1, 2], true), MINMAX_EPS));
  });
}
