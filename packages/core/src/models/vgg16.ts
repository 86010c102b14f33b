import * as tf from '@tensorflow/tfjs-layers';
import { CamkitError } from '../errors.js';
import { addVggBlocks } from './vgg-blocks.js';

/** Options for {@link vgg16}. */
export interface Vgg16Options {
  /** Square input size. The Flatten head fixes it; ImageNet weights expect 224. Default 224. */
  inputSize?: number;
  /** Number of classes. Default 1000. */
  numClasses?: number;
}

const VGG16_BLOCKS: readonly (readonly number[])[] = [
  [64, 64],
  [128, 128],
  [256, 256, 256],
  [512, 512, 512],
  [512, 512, 512],
];

/**
 * VGG16 with the ImageNet layout and Keras's layer names (`block1_conv1` … `block5_pool`,
 * `flatten`, `fc1`, `fc2`, `predictions`), randomly initialised: 138,357,544 parameters at 224×224
 * with 1000 classes. Weights converted from Keras can be loaded into it by name.
 */
export function vgg16(opts: Vgg16Options = {}): tf.Sequential {
  const size = opts.inputSize ?? 224;
  const numClasses = opts.numClasses ?? 1000;
  if (!Number.isInteger(size) || size < 32) {
    throw new CamkitError(`vgg16: inputSize must be an integer ≥ 32 (five 2×2 pools), got ${size}`);
  }
  if (!Number.isInteger(numClasses) || numClasses < 1) {
    throw new CamkitError(`vgg16: numClasses must be a positive integer, got ${numClasses}`);
  }
  const model = tf.sequential({ name: 'vgg16' });
  addVggBlocks(model, VGG16_BLOCKS, [size, size, 3]);
  model.add(tf.layers.flatten({ name: 'flatten' }));
  model.add(tf.layers.dense({ name: 'fc1', units: 4096, activation: 'relu' }));
  model.add(tf.layers.dense({ name: 'fc2', units: 4096, activation: 'relu' }));
  model.add(tf.layers.dense({ name: 'predictions', units: numClasses, activation: 'softmax' }));
  return model;
}
