import * as tf from '@tensorflow/tfjs-core';
import { eigenProjection } from './eigen-projection.js';

/**
 * `eigenProjection` of every image of a batch, from the activations' values on the host:
 * `data` of shape `[N, h, w, K]` → a `[N, h, w, 1]` tensor. Computed in float64 (tfjs has no SVD
 * op); the caller reads the activations with async `data()`, since webgpu in Node cannot read a
 * tensor synchronously.
 */
export function eigenMaps(data: Float32Array, shape: readonly number[]): tf.Tensor4D {
  const [n, h, w, k] = shape;
  const out = new Float32Array(n * h * w);
  for (let i = 0; i < n; i++) {
    out.set(eigenProjection(data.subarray(i * h * w * k, (i + 1) * h * w * k), h * w, k), i * h * w);
  }
  return tf.tensor4d(out, [n, h, w, 1]);
}
