import { basename, extname } from 'node:path';
import { CliError } from '../errors.js';
import { loadImage, loadImageRgb } from '../images/load-image.js';
import type { Log } from '../log.js';
import type { RunImage } from './write-run.js';

/** An image file with the id its outputs go under (what explain's worker threads are sent). */
export interface ImageFile {
  id: string;
  file: string;
  /** The model's index of the image's class folder; null or absent: unknown. */
  trueClass?: number | null;
}

/** Reads one image file as a RunImage. Throws a CliError naming the file when it is unreadable. */
export async function fileImage({ id, file, trueClass }: ImageFile): Promise<RunImage> {
  const { data, width, height } = await loadImageRgb(file);
  return {
    id,
    rgb: data,
    width,
    height,
    trueClass: trueClass ?? null,
    input: async (h, w) => (await loadImage(file, h, w)).data,
  };
}

/**
 * Turns image files into RunImages with unique ids (file stems). Unreadable files are skipped with
 * a warning naming each (`strict`: the first one is an error), like `camkit train`'s dataset
 * loading; none readable at all is an error. Skipped files take no id. `files`: the readable
 * ones with their ids, in order.
 */
export async function fileImages(
  files: string[],
  log: Log,
  strict = false,
): Promise<{ images: RunImage[]; files: ImageFile[]; skipped: string[] }> {
  const used = new Set<string>();
  const images: RunImage[] = [];
  const readable: ImageFile[] = [];
  const skipped: string[] = [];
  let firstError = '';
  for (const file of files) {
    const stem = basename(file, extname(file)).replace(/[^\w.-]+/g, '_') || 'image';
    let id = stem;
    for (let k = 2; used.has(id); k++) id = `${stem}-${k}`;
    let image: RunImage;
    try {
      image = await fileImage({ id, file });
    } catch (err) {
      const msg = (err as Error).message.split('\n')[0];
      if (strict) throw new CliError(`${msg} (--strict)`);
      firstError ||= msg;
      skipped.push(file);
      log.warn(`skipping ${msg}`);
      continue;
    }
    used.add(id);
    images.push(image);
    readable.push({ id, file });
  }
  if (images.length === 0) {
    throw new CliError(`--images: no readable image among ${files.length} file(s) (${firstError})`);
  }
  return { images, files: readable, skipped };
}
