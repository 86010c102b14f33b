import type * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { runGraph } from './graph-runner.js';

/** A view of a classifier that returns pre-softmax scores. Shares the model's layers and weights. */
export interface LogitsModel {
  /** Logits `[N, classes]` for images `[N, H, W, C]`. The caller disposes the result. */
  predict(images: tf.Tensor4D): tf.Tensor2D;
}

/**
 * The classifier's logits: when the layer producing the output (also inside a nested model)
 * applies softmax (a Dense/Conv activation, an `Activation('softmax')` or `Softmax` layer), it
 * is skipped, so `predict` returns the pre-activation `h·W + b`. Nothing is cloned.
 */
export function logitsModel(model: LayersModel): LogitsModel {
  return {
    predict: (images) => runGraph(model, [images], { linearOutput: true }).outputs[0] as tf.Tensor2D,
  };
}
