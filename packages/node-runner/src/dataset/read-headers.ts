import { readImageHeader } from '../images/load-image.js';

/** An image file's size from its header, or why it could not be read. */
export type Header = { width: number; height: number } | Error;

/**
 * Reads the header of every file (not its pixels), 64 at a time, in file order. One pass serves
 * both the default input size and the streaming scan, so a big folder's headers are read once.
 */
export async function readHeaders(files: readonly string[]): Promise<Header[]> {
  const out: Header[] = [];
  for (let i = 0; i < files.length; i += 64) {
    const chunk = files.slice(i, i + 64).map((f) => readImageHeader(f).catch((err: Error) => err));
    out.push(...(await Promise.all(chunk)));
  }
  return out;
}
