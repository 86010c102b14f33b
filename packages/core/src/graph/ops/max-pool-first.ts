import * as tf from '@tensorflow/tfjs-core';
import { firstMaxPool } from './first-max-pool.js';

/**
 * Non-overlapping max pooling (window = stride, 'valid' padding, NHWC) whose gradient goes to the
 * FIRST maximum of each window in row-major order, as torch and tfjs-backend-cpu do. tfjs's wasm
 * MaxPoolGrad routes tied windows differently (all-zero windows after a ReLU are common), which
 * changes Grad-CAM below a pooling layer; this op gives the same gradient on every backend.
 */
export function maxPoolFirst(x: tf.Tensor4D, pool: readonly [number, number]): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const [ph, pw] = pool;
  const oh = Math.floor(h / ph);
  const ow = Math.floor(w / pw);
  const exact = h === oh * ph && w === ow * pw;
  return firstMaxPool(
    x,
    ph * pw,
    (input) => {
      const cropped = exact ? input : tf.slice(input, [0, 0, 0, 0], [n, oh * ph, ow * pw, c]);
      // [N, oh, ph, ow, pw, C] → [N, oh, ow, C, ph·pw]: each window on the last axis, row-major.
      return tf.reshape(tf.transpose(tf.reshape(cropped, [n, oh, ph, ow, pw, c]), [0, 1, 3, 5, 2, 4]), [
        n,
        oh,
        ow,
        c,
        ph * pw,
      ]);
    },
    (shares) => {
      const back = tf.reshape(tf.transpose(tf.reshape(shares, [n, oh, ow, c, ph, pw]), [0, 1, 4, 2, 5, 3]), [
        n,
        oh * ph,
        ow * pw,
        c,
      ]) as tf.Tensor4D;
      return exact
        ? back
        : tf.pad(back, [
            [0, 0],
            [0, h - oh * ph],
            [0, w - ow * pw],
            [0, 0],
          ]);
    },
  );
}
