import * as tf from '@tensorflow/tfjs-core';
import { depthwiseConvInputGrad, hasDepthwiseInputGradKernel, type Pad } from './depthwise-conv.js';

/**
 * Average pooling (NHWC) as TF defines it — a SAME window's mean over its cells inside the image
 * only — written as a window sum (a depthwise conv with a ones filter) divided by each window's
 * cell count, so its gradient has the same semantics. Stock tfjs AvgPoolGrad divides by the full
 * window on padded edges, which is not the gradient of tfjs's own (and TF's) forward op.
 */
export function avgPoolExact(
  x: tf.Tensor4D,
  size: [number, number],
  strides: [number, number],
  pad: Pad,
): tf.Tensor4D {
  const [, h, w, c] = x.shape;
  const ones = tf.ones([size[0], size[1], c, 1]) as tf.Tensor4D;
  const sum = hasDepthwiseInputGradKernel()
    ? tf.depthwiseConv2d(x, ones, strides, pad)
    : depthwiseConvInputGrad(x, ones, strides, pad);
  const counts = tf.depthwiseConv2d(
    tf.ones([1, h, w, 1]) as tf.Tensor4D,
    tf.ones([size[0], size[1], 1, 1]) as tf.Tensor4D,
    strides,
    pad,
  );
  return tf.div(sum, counts) as tf.Tensor4D;
}
