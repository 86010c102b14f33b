import * as tf from '@tensorflow/tfjs-layers';
import { type FamilyOptions, familyStart } from './family-options.js';

type Sym = tf.SymbolicTensor;

// Keras's VGG16 blocks (64..512 filters) at 1/8 to 1/16 width.
const BLOCKS: readonly (readonly number[])[] = [
  [8, 8],
  [16, 16],
  [16, 16, 16],
  [32, 32, 32],
  [32, 32, 32],
];

/**
 * VGG16 (Simonyan & Zisserman 2015) reduced: the 2-2-3-3-3 blocks of 3×3 'same' ReLU convs
 * `block{b}_conv{i}` with Keras's names, five 2×2 max pools, Flatten, `fc1`/`fc2` (ReLU) and a
 * softmax — a Flatten head, so method 'cam' does not apply. Functional and seeded (core's `vgg16`
 * is the full-size Sequential one). Last block `block5_conv3`.
 */
export function vgg16Reduced(opts: FamilyOptions = {}): tf.LayersModel {
  const { o, L, input } = familyStart(opts, 32);
  let x: Sym = input;
  BLOCKS.forEach((block, b) => {
    block.forEach((filters, i) => {
      x = L.conv(x, {
        name: `block${b + 1}_conv${i + 1}`,
        filters,
        kernel: 3,
        bias: true,
        activation: 'relu',
      });
    });
    x = tf.layers.maxPooling2d({ name: `block${b + 1}_pool`, poolSize: 2, strides: 2 }).apply(x) as Sym;
  });
  x = tf.layers.flatten({ name: 'flatten' }).apply(x) as Sym;
  x = L.dense(x, 'fc1', 32, 'relu');
  x = L.dense(x, 'fc2', 32, 'relu');
  const out = L.dense(x, 'predictions', o.numClasses);
  return tf.model({ name: 'vgg16_reduced', inputs: input, outputs: out });
}
