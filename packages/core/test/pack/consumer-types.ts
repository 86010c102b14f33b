// Type-checked (tsc --noEmit) in the consumer project: proves dist/*.d.ts resolve through the
// package's exports map for both entries, with tfjs types from the user's own tfjs-core.

import {
  type Box,
  camNet,
  type ExplainResult,
  explain,
  type Heatmap,
  type Method,
  overlay,
} from '@camkit/core';
import { loadModel, saveModel } from '@camkit/core/node';
import * as tf from '@tensorflow/tfjs-core';

const model = camNet({ inputSize: 8, numClasses: 2 });
const images = tf.zeros([1, 8, 8, 3]) as tf.Tensor4D;
const method: Method = 'gradcam++';
const pending: Promise<ExplainResult> = explain(model, images, { method, targets: [1] });
pending.then((r) => {
  const first: Heatmap = r.heatmaps[0];
  const rgba: Uint8ClampedArray = overlay(new Float32Array(64 * 3), first.map, { width: 8, height: 8 });
  return rgba.length;
});
const box: Box = { xMin: 0, yMin: 0, xMax: 1, yMax: 1 };
void box;
const saved: Promise<{ modelJson: string }> = saveModel(model, '/tmp/never-written');
const loaded: Promise<{ predict: unknown }> = loadModel('model.json');
void saved;
void loaded;
// @ts-expect-error: an unknown method must not type-check
explain(model, images, { method: 'not-a-method' });
