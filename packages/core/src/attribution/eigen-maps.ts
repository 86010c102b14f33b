import * as tf from '@tensorflow/tfjs-core';
import { eigenProjection } from './eigen-projection.js';

/**
 * `eigenProjection` of every image of a batch: `[N, h, w, K]` → `[N, h, w, 1]`. Computed in
 * float64 on the host (tfjs has no SVD op), so it reads the tensor synchronously.
 */
export function eigenMaps(x: tf.Tensor4D): tf.Tensor4D {
  const [n, h, w, k] = x.shape;
  const data = x.dataSync();
  const out = new Float32Array(n * h * w);
  for (let i = 0; i < n; i++) {
    out.set(eigenProjection(data.subarray(i * h * w * k, (i + 1) * h * w * k), h * w, k), i * h * w);
  }
  return tf.tensor4d(out, [n, h, w, 1]);
}
