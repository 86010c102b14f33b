import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { CliError } from '../errors.js';

/** File extensions taken from a directory (explicitly named files are taken whatever they are). */
export const IMAGE_EXT = new Set([
  '.jpg',
  '.jpeg',
  '.png',
  '.webp',
  '.gif',
  '.tif',
  '.tiff',
  '.bmp',
  '.avif',
]);

/** An image file and, when it sits in a class folder, that folder's name (its true class). */
export interface CollectedImage {
  file: string;
  className: string | null;
}

function imagesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => !f.startsWith('.') && IMAGE_EXT.has(extname(f).toLowerCase()))
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort()
    .map((f) => join(dir, f));
}

/**
 * Image files named on the command line: files as given (class unknown); a directory's own image
 * files, sorted (class unknown); and a directory with no image files of its own but class folders
 * (DIR/<class>/*, as `camkit train --data` reads) walks them, each image labelled with its folder.
 */
export function collectImages(paths: string[], option = '--images'): CollectedImage[] {
  const out: CollectedImage[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new CliError(`${option} ${p}: no such file or directory`);
    if (!statSync(p).isDirectory()) {
      out.push({ file: p, className: null });
      continue;
    }
    const flat = imagesIn(p);
    if (flat.length) {
      out.push(...flat.map((file) => ({ file, className: null })));
      continue;
    }
    const classes = readdirSync(p)
      .filter((e) => !e.startsWith('.') && statSync(join(p, e)).isDirectory())
      .sort();
    const labelled = classes.flatMap((c) => imagesIn(join(p, c)).map((file) => ({ file, className: c })));
    if (labelled.length === 0) {
      throw new CliError(
        `${option} ${p}: no image files (${[...IMAGE_EXT].join(' ')}) in it or in class folders under it`,
      );
    }
    out.push(...labelled);
  }
  return out;
}

/**
 * Turns class-folder names into the model's class indices. A folder the model does not know is an
 * error naming it (a mislabelled tree would make every "correct" filter lie).
 */
export function trueClasses(
  images: CollectedImage[],
  classNames: string[],
  option = '--images',
): (number | null)[] {
  return images.map(({ file, className }) => {
    if (className === null) return null;
    const k = classNames.indexOf(className);
    if (k < 0) {
      throw new CliError(
        `${option}: ${file} is in class folder '${className}', which is not one of the model's classes (${classNames.join(', ')})`,
      );
    }
    return k;
  });
}
