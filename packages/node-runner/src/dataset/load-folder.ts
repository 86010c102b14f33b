import { bytesToUnit, decodeImageBytes } from '../images/load-image.js';
import type { Log } from '../log.js';
import type { ImageSet } from '../train/train-model.js';
import { keepReadable } from './keep-readable.js';
import { type FolderDataset, scanFolder } from './scan-folder.js';

/** A folder-per-class dataset decoded into memory at one input size. */
export interface LoadedFolder extends ImageSet {
  classNames: string[];
  files: string[];
  /** Files that could not be decoded (skipped). */
  skipped: string[];
}

/**
 * Scans and decodes `root/<class>/*` at `size`×`size` into one float32 buffer (each image written
 * in place, so the peak is the dataset's size, not twice it). Undecodable files are skipped with
 * a warning each and a count (`strict`: the first one is an error). A class left with no readable
 * image is an error naming it. `scanned`: the folder's scan, when the caller already has it.
 */
export async function loadFolder(
  root: string,
  size: number,
  log: Log,
  strict = false,
  scanned?: FolderDataset,
): Promise<LoadedFolder> {
  const ds = scanned ?? scanFolder(root);
  const pix = size * size * 3;
  const all = new Float32Array(ds.files.length * pix);
  const { kept, skipped } = await keepReadable(
    ds,
    root,
    async (f, i) => {
      const d = await decodeImageBytes(f, size, size);
      bytesToUnit(d.data, all.subarray(i * pix, (i + 1) * pix));
    },
    log,
    strict,
  );
  // Close the gaps the skipped files left (kept[k] ≥ k, so this never overwrites a pending image).
  kept.forEach((i, k) => {
    if (i !== k) all.copyWithin(k * pix, i * pix, (i + 1) * pix);
  });
  return {
    images: all.subarray(0, kept.length * pix),
    labels: Int32Array.from(kept, (i) => ds.labels[i]),
    height: size,
    width: size,
    channels: 3,
    classNames: ds.classNames,
    files: kept.map((i) => ds.files[i]),
    skipped,
  };
}
