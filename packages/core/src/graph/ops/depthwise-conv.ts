import * as tf from '@tensorflow/tfjs-core';

export type Pad = 'same' | 'valid' | [[number, number], [number, number], [number, number], [number, number]];

/** Top/left padding of one spatial dim, as tfjs (and TF) compute it. */
export function padBefore(pad: Pad, axis: 0 | 1, size: number, k: number, stride: number): number {
  if (pad === 'valid') return 0;
  if (pad === 'same') {
    const out = Math.ceil(size / stride);
    return Math.floor(Math.max((out - 1) * stride + k - size, 0) / 2);
  }
  return pad[axis + 1][0];
}

/** `x` zero-padded (or cropped, for negative amounts) by [before, after] on H and W. */
export function padOrCrop(x: tf.Tensor4D, h: [number, number], w: [number, number]): tf.Tensor4D {
  const [n, ih, iw, c] = x.shape;
  const crop = tf.slice(
    x,
    [0, Math.max(-h[0], 0), Math.max(-w[0], 0), 0],
    [n, ih - Math.max(-h[0], 0) - Math.max(-h[1], 0), iw - Math.max(-w[0], 0) - Math.max(-w[1], 0), c],
  );
  return tf.pad(crop, [
    [0, 0],
    [Math.max(h[0], 0), Math.max(h[1], 0)],
    [Math.max(w[0], 0), Math.max(w[1], 0)],
    [0, 0],
  ]);
}

/** dy [N, oh, ow, C] with (s − 1) zeros between rows and columns: [N, (oh−1)s+1, (ow−1)s+1, C]. */
export function dilate(dy: tf.Tensor4D, sh: number, sw: number): tf.Tensor4D {
  if (sh === 1 && sw === 1) return dy;
  const [n, oh, ow, c] = dy.shape;
  const spread = tf.pad(tf.reshape(dy, [n, oh, 1, ow, 1, c]), [
    [0, 0],
    [0, 0],
    [0, sh - 1],
    [0, 0],
    [0, sw - 1],
    [0, 0],
  ]);
  return tf.slice(
    tf.reshape(spread, [n, oh * sh, ow * sw, c]) as tf.Tensor4D,
    [0, 0, 0, 0],
    [n, (oh - 1) * sh + 1, (ow - 1) * sw + 1, c],
  );
}

/**
 * Depthwise convolution (NHWC, dilation 1) whose gradient with respect to `x` is itself a
 * forward depthwise convolution: the stride-dilated, padded dy correlated with the flipped
 * filter, summed over the channel multiplier. Stock tfjs-wasm has no
 * DepthwiseConv2dNativeBackpropInput kernel, so gradients through depthwise convs (MobileNet-style
 * graphs) would fail there; the filter is a constant here (no filter gradient).
 */
export function depthwiseConvInputGrad(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  strides: [number, number],
  pad: Pad,
): tf.Tensor4D {
  const [, h, w, c] = x.shape;
  const [kh, kw, , m] = filter.shape;
  const top = padBefore(pad, 0, h, kh, strides[0]);
  const left = padBefore(pad, 1, w, kw, strides[1]);
  const op = tf.customGrad((...args: unknown[]) => {
    const input = args[0] as tf.Tensor4D;
    // Saved, not closed over: a filter made inside the caller's scope would be disposed by then.
    (args[1] as tf.GradSaveFunc)([filter]);
    return {
      value: tf.depthwiseConv2d(input, filter, strides, pad),
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const kernel = saved[0] as tf.Tensor4D;
        const d = dilate(dy as tf.Tensor4D, strides[0], strides[1]);
        const hTop = kh - 1 - top;
        const wLeft = kw - 1 - left;
        const padded = padOrCrop(
          d,
          [hTop, h + kh - 1 - d.shape[1] - hTop],
          [wLeft, w + kw - 1 - d.shape[2] - wLeft],
        );
        const flipped = tf.reshape(tf.reverse(kernel, [0, 1]), [kh, kw, c * m, 1]) as tf.Tensor4D;
        const perCopy = tf.depthwiseConv2d(padded, flipped, 1, 'valid');
        const [n] = perCopy.shape;
        return [m === 1 ? perCopy : tf.sum(tf.reshape(perCopy, [n, h, w, c, m]), 4)];
      },
    };
  });
  return op(x) as tf.Tensor4D;
}

/** True when the active backend has tfjs's own depthwise input-gradient kernel. */
export function hasDepthwiseInputGradKernel(): boolean {
  try {
    return tf.getKernel('DepthwiseConv2dNativeBackpropInput', tf.getBackend()) !== undefined;
  } catch {
    return false;
  }
}
