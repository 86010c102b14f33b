import * as tf from '@tensorflow/tfjs-core';
import type { LoadedModel } from './load-model-option.js';

/**
 * Class probabilities `[N, classes]` of a Layers or graph model: its output, except that one
 * sigmoid output p (a binary classifier) becomes the two classes [1 − p, p], as `explain` and
 * `inspectModel` count them.
 */
export function predictProbabilities(model: LoadedModel, xs: tf.Tensor4D): tf.Tensor2D {
  return tf.tidy((): tf.Tensor2D => {
    const out = model.predict(xs) as tf.Tensor;
    const p = tf.reshape(out, [out.shape[0], -1]) as tf.Tensor2D;
    return p.shape[1] === 1 ? tf.concat([tf.sub(1, p) as tf.Tensor2D, p], 1) : p;
  });
}
