import * as tf from '@tensorflow/tfjs-core';

/**
 * Max pooling whose gradient goes to the FIRST maximum of each window in row-major order, as torch
 * and tfjs-backend-cpu route it (tfjs-wasm's MaxPoolGrad routes ties and overlapping windows
 * differently). The one mechanism of camkit's max pools: `gather(x)` lays the `cells` of each
 * window, row-major, on a last axis (`[N, oh, ow, C, cells]`); the max and its first argMax are
 * taken over it, and `scatter(shares)` puts the routed dy (one-hot shares, same layout) back in
 * x's shape.
 */
export function firstMaxPool(
  x: tf.Tensor4D,
  cells: number,
  gather: (input: tf.Tensor4D) => tf.Tensor,
  scatter: (shares: tf.Tensor) => tf.Tensor4D,
): tf.Tensor4D {
  const op = tf.customGrad((...args: unknown[]) => {
    const windows = gather(args[0] as tf.Tensor4D);
    const first = tf.argMax(windows, 4);
    (args[1] as tf.GradSaveFunc)([first]);
    return {
      value: tf.max(windows, 4) as tf.Tensor4D,
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => [
        scatter(tf.mul(tf.oneHot(saved[0] as tf.Tensor4D, cells), tf.expandDims(dy as tf.Tensor, 4))),
      ],
    };
  });
  return op(x) as tf.Tensor4D;
}
