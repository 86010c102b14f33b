import { CamkitError } from '../errors.js';
import type { Box } from '../manifest/schema.js';
import {
  drawSample,
  resolveSyntheticOptions,
  type SyntheticClassName,
  type SyntheticOptions,
} from './synthetic-sample.js';

/** Options for {@link syntheticDataset}. */
export interface SyntheticDatasetOptions extends SyntheticOptions {
  /** Number of samples. */
  count: number;
  /** Index of the first sample; use disjoint ranges (or seeds) for train and validation. Default 0. */
  start?: number;
}

/** A batch of synthetic samples, laid out for `tf.tensor4d(images, [count, size, size, 3])`. */
export interface SyntheticDataset {
  /** [count, size, size, 3] RGB in [0, 1]. */
  images: Float32Array;
  labels: Int32Array;
  boxes: Box[];
  /** One [size, size] mask per sample. */
  masks: Uint8Array[];
  classNames: SyntheticClassName[];
  size: number;
}

/**
 * Samples `start .. start+count-1` of the seeded synthetic shapes set: ring, triangle,
 * horizontal_bar and cross on textured noisy backgrounds with distractors, each with its label,
 * inclusive bounding box and mask. Deterministic: the same options give identical bytes.
 *
 * @example
 * const train = syntheticDataset({ count: 1024, seed: 1 });
 * const val = syntheticDataset({ count: 256, seed: 1, start: 1024 });
 * const xs = tf.tensor4d(train.images, [1024, train.size, train.size, 3]);
 */
export function syntheticDataset(opts: SyntheticDatasetOptions): SyntheticDataset {
  const { count } = opts;
  const start = opts.start ?? 0;
  if (!Number.isInteger(count) || count < 0)
    throw new CamkitError(`syntheticDataset: count must be an integer ≥ 0, got ${count}`);
  if (!Number.isInteger(start) || start < 0)
    throw new CamkitError(`syntheticDataset: start must be an integer ≥ 0, got ${start}`);
  const o = resolveSyntheticOptions(opts);
  const pixels = o.size * o.size * 3;
  const images = new Float32Array(count * pixels);
  const labels = new Int32Array(count);
  const boxes: Box[] = [];
  const masks: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const s = drawSample(start + i, o);
    images.set(s.image, i * pixels);
    labels[i] = s.label;
    boxes.push(s.box);
    masks.push(s.mask);
  }
  return { images, labels, boxes, masks, classNames: [...o.classes], size: o.size };
}
