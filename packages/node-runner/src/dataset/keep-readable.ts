import { CliError } from '../errors.js';
import type { Log } from '../log.js';
import type { FolderDataset } from './scan-folder.js';

/**
 * Runs `read` on every file of a scanned folder, a few at once (sharp works on libuv's threads),
 * and keeps the ones it accepts, in file order. A file whose `read` throws is skipped with a
 * warning each and a count (`strict`: the first one is an error). A class left with no readable
 * image is an error naming it. Returns the indices (into `ds.files`) kept, and the files skipped.
 */
export async function keepReadable(
  ds: FolderDataset,
  root: string,
  read: (file: string, index: number) => Promise<unknown>,
  log: Log,
  strict = false,
): Promise<{ kept: number[]; skipped: string[] }> {
  const kept: number[] = [];
  const skipped: string[] = [];
  const CHUNK = 32;
  for (let c = 0; c < ds.files.length; c += CHUNK) {
    const chunk = ds.files.slice(c, c + CHUNK);
    const results = await Promise.all(
      chunk.map((f, j) =>
        read(f, c + j).then(
          () => null,
          (err: Error) => err,
        ),
      ),
    );
    results.forEach((err, j) => {
      if (!err) {
        kept.push(c + j);
        return;
      }
      if (strict) throw new CliError(`${err.message} (--strict)`);
      skipped.push(ds.files[c + j]);
      log.warn(`skipping ${err.message}`);
    });
  }
  if (skipped.length) log.warn(`skipped ${skipped.length} unreadable file(s) of ${ds.files.length}`);
  const present = new Set(kept.map((i) => ds.labels[i]));
  ds.classNames.forEach((name, k) => {
    if (!present.has(k)) throw new CliError(`--data: class folder ${root}/${name} has no readable image`);
  });
  return { kept, skipped };
}
