import * as tf from '@tensorflow/tfjs-core';
import { applyAdamW } from '../recipe/adamw-step.js';

/**
 * One AdamW step from plain arrays (`grads[k]` is the gradient of `vars[k]`), as the summed
 * gradient arrives from the workers; the tensors it makes are freed.
 */
export function applyGradientArrays(
  optimizer: tf.AdamOptimizer,
  vars: tf.Variable[],
  grads: Float32Array[],
  lr: number,
  weightDecay: number,
  decay: ReadonlySet<string>,
): void {
  const named: tf.NamedTensorMap = {};
  vars.forEach((v, k) => {
    named[v.name] = tf.tensor(grads[k], v.shape);
  });
  applyAdamW(optimizer, vars, named, lr, weightDecay, decay);
  tf.dispose(Object.values(named));
}
