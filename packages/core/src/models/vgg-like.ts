import * as tf from '@tensorflow/tfjs-layers';
import { CamkitError } from '../errors.js';
import { resolveInputShape } from './input-shape.js';
import { addVggBlocks } from './vgg-blocks.js';

/** Options for {@link vggLike}. */
export interface VggLikeOptions {
  /** Input size: a number, `[height, width]`, or `null` (any size; needs `head: 'gap'`). Default 64. */
  inputSize?: number | readonly [number, number] | null;
  /** Input channels. Default 3. */
  channels?: number;
  /** Filters of each conv in each block; every block ends with a 2×2 max pool. Default `[[16,16],[32,32],[64,64]]`. */
  blocks?: readonly (readonly number[])[];
  /** Number of classes. Default 4. */
  numClasses?: number;
  /**
   * Head after the last pool: `'gap'` (GlobalAveragePooling2D, CAM applies) or `'flatten'`
   * (Flatten, then the `dense` layers; CAM does not apply, Grad-CAM does). Default `'gap'`.
   */
  head?: 'gap' | 'flatten';
  /** Hidden Dense layer widths (ReLU) before the output. Default `[]`. */
  dense?: readonly number[];
  /** Model name. Default `'vgglike'`. */
  name?: string;
}

/**
 * A small VGG-style network with pooling: block b has convs `block{b}_conv{i}` (3×3, 'same', ReLU)
 * and `block{b}_pool` (2×2 max pool), then `gap` or `flatten`, optional `fc{i}`, and `predictions`
 * (Dense, softmax). Grad-CAM on its last conv layer gives a map at 1/2^(blocks-1) of the input.
 */
export function vggLike(opts: VggLikeOptions = {}): tf.Sequential {
  const blocks = opts.blocks ?? [
    [16, 16],
    [32, 32],
    [64, 64],
  ];
  const head = opts.head ?? 'gap';
  const inputSize = opts.inputSize === undefined ? 64 : opts.inputSize;
  const inputShape = resolveInputShape(inputSize, opts.channels ?? 3, 'vggLike');
  if (
    blocks.length === 0 ||
    blocks.some((b) => b.length === 0 || b.some((f) => !Number.isInteger(f) || f < 1))
  ) {
    throw new CamkitError('vggLike: blocks must be non-empty lists of positive integers');
  }
  if (head === 'flatten' && inputSize === null) {
    throw new CamkitError(
      "vggLike: head 'flatten' needs a fixed inputSize; use head 'gap' for any-size input",
    );
  }
  const numClasses = opts.numClasses ?? 4;
  if (!Number.isInteger(numClasses) || numClasses < 1) {
    throw new CamkitError(`vggLike: numClasses must be a positive integer, got ${numClasses}`);
  }
  const model = tf.sequential({ name: opts.name ?? 'vgglike' });
  addVggBlocks(model, blocks, inputShape);
  model.add(
    head === 'gap'
      ? tf.layers.globalAveragePooling2d({ name: 'gap' })
      : tf.layers.flatten({ name: 'flatten' }),
  );
  (opts.dense ?? []).forEach((units, i) => {
    model.add(tf.layers.dense({ name: `fc${i + 1}`, units, activation: 'relu' }));
  });
  model.add(tf.layers.dense({ name: 'predictions', units: numClasses, activation: 'softmax' }));
  return model;
}
