import type { ImageSet } from '../train/train-model.js';
import { memorySource } from './memory-source.js';

/**
 * A labelled image set that training and validation read batch by batch: decoded in memory
 * ({@link memorySource}) or streamed from disk ({@link StreamSource}). Both hand back the same
 * float32 pixels for the same item, so what trains on them cannot tell them apart.
 */
export interface ImageSource {
  /** Labels of items 0..n−1 (n = labels.length); always in memory. */
  readonly labels: Int32Array;
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  /**
   * The images of items `indices`, in that order, each [H, W, C] float32 in [0, 1]. The arrays
   * may be views into shared memory: read them, do not keep or modify them.
   */
  read(indices: readonly number[]): Promise<Float32Array[]>;
  /** A hint that these items will be read soon (a stream decodes them ahead); never required. */
  prefetch(indices: readonly number[]): void;
  /** Items `indices` of this source as a source (a split): no pixels copied, caches shared. */
  subset(indices: readonly number[]): ImageSource;
}

/** An ImageSet as a source (a view, no copy); a source as itself. */
export function toImageSource(set: ImageSet | ImageSource): ImageSource {
  return typeof (set as ImageSource).read === 'function'
    ? (set as ImageSource)
    : memorySource(set as ImageSet);
}
