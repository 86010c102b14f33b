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
  // A few decodes in flight at once (sharp runs them on libuv's threads); results keep file order.
  const CHUNK = 32;
  for (let c = 0; c < ds.files.length; c += CHUNK) {
    const chunk = ds.files.slice(c, c + CHUNK);
    const decoded = await Promise.all(
      chunk.map((f) =>
        loadImage(f, size, size).then(
          (img) => img.data,
          (err: Error) => err,
        ),
      ),
    );
    decoded.forEach((d, j) => {
      const i = c + j;
      if (d instanceof Error) {
        if (strict) throw new CliError(`${d.message} (--strict)`);
        skipped.push(ds.files[i]);
        log.warn(`skipping ${d.message}`);
        return;
      }
      images.push(d);
      labels.push(ds.labels[i]);
      files.push(ds.files[i]);
    });
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
