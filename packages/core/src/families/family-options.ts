import * as tf from '@tensorflow/tfjs-layers';
import { SeededLayers } from './seeded-layers.js';

/** Options every family builder takes. */
export interface FamilyOptions {
  /** Square input size. Default: the family's (32 for the reduced test families, 224 for resnet18 / mobilenetV3Large). */
  inputSize?: number;
  /** Number of classes of the softmax head. Default 5. */
  numClasses?: number;
  /** Seed of every initializer, so a family builds the same weights in every run. Default 1. */
  seed?: number;
}

/** Fills in the defaults of {@link FamilyOptions}. */
export function familyDefaults(opts: FamilyOptions, inputSize: number): Required<FamilyOptions> {
  return { inputSize: opts.inputSize ?? inputSize, numClasses: opts.numClasses ?? 5, seed: opts.seed ?? 1 };
}

/**
 * What every family builder starts from: its options with defaults ({@link familyDefaults}), the
 * seeded layer constructors, and the RGB input `input_1` of `inputSize`².
 */
export function familyStart(
  opts: FamilyOptions,
  inputSize: number,
): { o: Required<FamilyOptions>; L: SeededLayers; input: tf.SymbolicTensor } {
  const o = familyDefaults(opts, inputSize);
  const L = new SeededLayers(o.seed);
  const input = tf.input({ shape: [o.inputSize, o.inputSize, 3], name: 'input_1' });
  return { o, L, input };
}
