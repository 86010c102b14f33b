import type * as tf from '@tensorflow/tfjs-core';
import { CamkitError } from '../errors.js';
import type { ExplainableModel } from './explainable-model.js';
import type { CamMethod, ExplainOptions, Method } from './types.js';

/** The class-activation-map methods: maps over the target layer, upsampled to the input. */
export const CAM_METHODS: readonly CamMethod[] = [
  'cam',
  'gradcam',
  'gradcam++',
  'layercam',
  'xgradcam',
  'hirescam',
  'eigencam',
  'eigengradcam',
  'gradcam-elementwise',
  'scorecam',
  'ablationcam',
];

/** Every method `explain` accepts. */
export const METHODS: readonly Method[] = [
  ...CAM_METHODS,
  'guided-backprop',
  'guided-gradcam',
  'smoothgrad',
  'integrated-gradients',
];

export interface ValidatedInput {
  inputSize: [number, number];
  channels: number;
  numClasses: number;
}

function positiveInt(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isInteger(value) && value > 0)) {
    throw new CamkitError(`option '${name}' must be a positive integer, got ${value}`);
  }
}

/** Checks model, images and options before any tensor is made; throws a one-line CamkitError. */
export function validateExplainInput(
  model: ExplainableModel,
  images: tf.Tensor4D,
  opts: ExplainOptions,
): ValidatedInput {
  if (!opts || !METHODS.includes(opts.method)) {
    throw new CamkitError(`unknown method '${opts?.method}'; methods: ${METHODS.join(', ')}`);
  }
  // Duck-typed: a tensor from another copy of tfjs-core would fail `instanceof`.
  const isTensor =
    images != null && Array.isArray((images as tf.Tensor).shape) && typeof images.rank === 'number';
  if (!isTensor || images.rank !== 4) {
    const shape = isTensor ? `[${images.shape.join(', ')}]` : typeof images;
    throw new CamkitError(`images must be a 4-D tensor [N, H, W, C], got ${shape}`);
  }
  if (images.isDisposed) throw new CamkitError('images tensor is already disposed');
  const [n, h, w, c] = images.shape;
  if (n === 0) throw new CamkitError('images is an empty batch (N = 0): nothing to explain');
  if (h === 0 || w === 0) throw new CamkitError(`images have an empty spatial size ${h}×${w}`);
  const [, mh, mw, mc] = model.inputShape;
  if (mc != null && mc !== c) {
    throw new CamkitError(`images have ${c} channels but model '${model.name}' expects ${mc}`);
  }
  if ((mh != null && mh !== h) || (mw != null && mw !== w)) {
    throw new CamkitError(
      `images are ${h}×${w} but model '${model.name}' expects ${mh ?? 'any'}×${mw ?? 'any'}`,
    );
  }
  const numClasses = model.describe([h, w]).numClasses;
  const targets = opts.targets;
  if (Array.isArray(targets)) {
    if (targets.length !== n) {
      throw new CamkitError(
        `option 'targets' has ${targets.length} classes for ${n} images; give one per image`,
      );
    }
    const bad = targets.find((t) => !Number.isInteger(t) || t < 0 || t >= numClasses);
    if (bad !== undefined)
      throw new CamkitError(`option 'targets': class ${bad} is not in 0..${numClasses - 1}`);
  } else if (targets !== undefined && targets !== 'all' && targets !== 'pred') {
    throw new CamkitError(`option 'targets' must be class indices, 'all' or 'pred', got ${String(targets)}`);
  }
  positiveInt('batchSize', opts.batchSize);
  positiveInt('imagesPerPass', opts.imagesPerPass);
  positiveInt('samples', opts.samples);
  positiveInt('steps', opts.steps);
  if (opts.noiseLevel !== undefined && !(opts.noiseLevel >= 0)) {
    throw new CamkitError(`option 'noiseLevel' must be >= 0, got ${opts.noiseLevel}`);
  }
  return { inputSize: [h, w], channels: c, numClasses };
}
