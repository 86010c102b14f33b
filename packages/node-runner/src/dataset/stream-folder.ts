import { readImageHeader } from '../images/load-image.js';
import type { Log } from '../log.js';
import { keepReadable } from './keep-readable.js';
import type { Header } from './read-headers.js';
import { type FolderDataset, scanFolder } from './scan-folder.js';
import { StreamSource } from './stream-source.js';

/** A folder-per-class dataset to stream: names and labels in memory, pixels decoded when read. */
export interface StreamedFolder {
  classNames: string[];
  source: StreamSource;
  /** Files whose header could not be read (skipped). */
  skipped: string[];
}

/**
 * Scans `root/<class>/*` and reads every file's header (not its pixels), skipping the unreadable
 * ones as {@link loadFolder} does, and returns a {@link StreamSource} over the rest at
 * `size`×`size`. `scanned` and `headers` ({@link readHeaders} of its files): when the caller
 * already has them.
 */
export async function streamFolder(
  root: string,
  size: number,
  log: Log,
  strict = false,
  opts: { cacheBytes?: number; scanned?: FolderDataset; headers?: readonly Header[] } = {},
): Promise<StreamedFolder> {
  const ds = opts.scanned ?? scanFolder(root);
  const { headers } = opts;
  const header = headers
    ? async (_: string, i: number) => {
        if (headers[i] instanceof Error) throw headers[i];
      }
    : (f: string) => readImageHeader(f);
  const { kept, skipped } = await keepReadable(ds, root, header, log, strict);
  const source = StreamSource.open(
    kept.map((i) => ds.files[i]),
    kept.map((i) => ds.labels[i]),
    size,
    size,
    opts.cacheBytes,
  );
  return { classNames: ds.classNames, source, skipped };
}
