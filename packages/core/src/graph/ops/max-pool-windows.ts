import * as tf from '@tensorflow/tfjs-core';
import { dilate, type Pad, padBefore, padOrCrop } from './depthwise-conv.js';
import { firstMaxPool } from './first-max-pool.js';
import { maxPoolFirst } from './max-pool-first.js';

/**
 * Max pooling with any window, stride and padding (NHWC; SAME pads with −∞) whose gradient goes
 * to the FIRST maximum of each window (row-major), as torch and tfjs-backend-cpu do. Stock
 * tfjs-wasm's MaxPoolGrad is wrong for overlapping SAME windows (3×3 stride 2: half the gradient
 * misplaced on random inputs), so gradient passes use this on every backend. Non-overlapping VALID
 * windows use `maxPoolFirst`.
 */
export function maxPoolWindows(
  x: tf.Tensor4D,
  size: [number, number],
  strides: [number, number],
  pad: Pad,
): tf.Tensor4D {
  if (pad === 'valid' && size[0] === strides[0] && size[1] === strides[1]) return maxPoolFirst(x, size);
  const [n, h, w, c] = x.shape;
  const [kh, kw] = size;
  const [sh, sw] = strides;
  const oh =
    pad === 'same'
      ? Math.ceil(h / sh)
      : pad === 'valid'
        ? Math.floor((h - kh) / sh) + 1
        : Math.floor((h + pad[1][0] + pad[1][1] - kh) / sh) + 1;
  const ow =
    pad === 'same'
      ? Math.ceil(w / sw)
      : pad === 'valid'
        ? Math.floor((w - kw) / sw) + 1
        : Math.floor((w + pad[2][0] + pad[2][1] - kw) / sw) + 1;
  const top = padBefore(pad, 0, h, kh, sh);
  const left = padBefore(pad, 1, w, kw, sw);
  // The padded extent every window reads: [(oh−1)·sh + kh, (ow−1)·sw + kw].
  const ph = (oh - 1) * sh + kh;
  const pw = (ow - 1) * sw + kw;
  return firstMaxPool(
    x,
    kh * kw,
    (input) => {
      const zeroPadded = padOrCrop(input, [top, ph - h - top], [left, pw - w - left]);
      // Padding cells must never win: fill them with −∞ (padOrCrop pads zeros).
      const inside = padOrCrop(
        tf.ones([1, h, w, 1]) as tf.Tensor4D,
        [top, ph - h - top],
        [left, pw - w - left],
      );
      const padded = tf.where(
        tf.greater(tf.tile(inside, [n, 1, 1, c]), 0),
        zeroPadded,
        tf.fill(zeroPadded.shape, Number.NEGATIVE_INFINITY),
      );
      const slices: tf.Tensor[] = [];
      for (let p = 0; p < kh; p++) {
        for (let q = 0; q < kw; q++) {
          slices.push(
            tf.stridedSlice(
              padded,
              [0, p, q, 0],
              [n, p + (oh - 1) * sh + 1, q + (ow - 1) * sw + 1, c],
              [1, sh, sw, 1],
            ),
          );
        }
      }
      return tf.stack(slices, 4);
    },
    (shares) => {
      const parts = tf.unstack(shares, 4);
      let total: tf.Tensor4D | null = null;
      for (let p = 0; p < kh; p++) {
        for (let q = 0; q < kw; q++) {
          // Spread each window's share back to its (p, q) cell: stride-dilate, then shift.
          const placed = tf.pad(dilate(parts[p * kw + q] as tf.Tensor4D, sh, sw), [
            [0, 0],
            [p, kh - 1 - p],
            [q, kw - 1 - q],
            [0, 0],
          ]) as tf.Tensor4D;
          total = total ? (tf.add(total, placed) as tf.Tensor4D) : placed;
        }
      }
      return padOrCrop(total!, [-top, h + top - ph], [-left, w + left - pw]);
    },
  );
}
