import type { ImageSet } from '../train/train-model.js';
import type { ImageSource } from './image-source.js';

/**
 * The items `indices` of an in-memory set (default all) as an {@link ImageSource}: reads are
 * subarray views, so a train/validation split costs no copy of the pixels.
 */
export function memorySource(set: ImageSet, indices?: readonly number[]): ImageSource {
  const { height, width, channels } = set;
  const pix = height * width * channels;
  const map = indices ? Int32Array.from(indices) : null;
  const labels = map ? Int32Array.from(map, (i) => set.labels[i]) : set.labels;
  /** Index into `set` of item i. */
  const item = (i: number) => {
    if (!(Number.isInteger(i) && i >= 0 && i < labels.length)) {
      throw new RangeError(`image index ${i} outside 0..${labels.length - 1}`);
    }
    return map ? map[i] : i;
  };
  const at = (i: number) => {
    const src = item(i);
    return set.images.subarray(src * pix, (src + 1) * pix);
  };
  return {
    labels,
    height,
    width,
    channels,
    read: async (idx) => idx.map(at),
    prefetch: () => {},
    subset: (idx) => memorySource(set, Array.from(idx, item)),
  };
}
