import { CliError } from '../errors.js';
import { loadImage } from '../images/load-image.js';
import type { Log } from '../log.js';
import type { ImageSet } from '../train/train-model.js';
import { scanFolder } from './scan-folder.js';

/** A folder-per-class dataset decoded into memory at one input size. */
export interface LoadedFolder extends ImageSet {
  classNames: string[];
  files: string[];
  /** Files that could not be decoded (skipped). */
  skipped: string[];
}

/**
 * Scans and decodes `root/<class>/*` at `size`×`size`. Undecodable files are skipped with a warning
 * each and a count (`strict`: the first one is an error). A class left with no readable image is
 * an error naming it.
 */
export async function loadFolder(
  root: string,
  size: number,
  log: Log,
  strict = false,
): Promise<LoadedFolder> {
  const ds = scanFolder(root);
  const pix = size * size * 3;
  const images: Float32Array[] = [];
  const labels: number[] = [];
  const files: string[] = [];
  const skipped: string[] = [];
  for (let i = 0; i < ds.files.length; i++) {
    try {
      images.push((await loadImage(ds.files[i], size, size)).data);
      labels.push(ds.labels[i]);
      files.push(ds.files[i]);
    } catch (err) {
      if (strict) throw new CliError(`${(err as Error).message} (--strict)`);
      skipped.push(ds.files[i]);
      log.warn(`skipping ${(err as Error).message}`);
    }
  }
  if (skipped.length) log.warn(`skipped ${skipped.length} unreadable file(s) of ${ds.files.length}`);
  ds.classNames.forEach((name, k) => {
    if (!labels.includes(k)) throw new CliError(`--data: class folder ${root}/${name} has no readable image`);
  });
  const all = new Float32Array(images.length * pix);
  images.forEach((img, i) => {
    all.set(img, i * pix);
  });
  return {
    images: all,
    labels: Int32Array.from(labels),
    height: size,
    width: size,
    channels: 3,
    classNames: ds.classNames,
    files,
    skipped,
  };
}
