import * as tf from '@tensorflow/tfjs-core';
import type { AnyModel } from './explainable-model.js';
import { explainable } from './explainable.js';

/** A view of a classifier that returns pre-softmax scores. Shares the model's layers and weights. */
export interface LogitsModel {
  /** Logits `[N, classes]` for images `[N, H, W, C]`. The caller disposes the result. */
  predict(images: tf.Tensor4D): tf.Tensor2D;
}

/**
 * The classifier's scores before its final activation. Layers model: when the layer producing
 * the output (also inside a nested model) applies softmax (a Dense/Conv activation, an
 * `Activation('softmax')` or `Softmax` layer), it is skipped, so `predict` returns `h·W + b`.
 * Graph model: the input of the final Softmax/Sigmoid node; one sigmoid output gives the two
 * binary scores `[-z, z]`. Nothing is cloned. `predict` keeps only its result: the layer-by-layer
 * runner's intermediate tensors are freed (they leaked before, 271 tensors per MobileNetV3 call,
 * and the growing heap slowed every later call).
 */
export function logitsModel(model: AnyModel): LogitsModel {
  const m = explainable(model);
  return { predict: (images) => tf.tidy(() => m.logits(images)) };
}
