import type { Header } from './read-headers.js';

/**
 * The size every readable image shares, as [height, width], or null when they differ (or none
 * could be read). Unreadable ones do not count: loading skips them (or --strict fails).
 */
export function commonImageSize(headers: readonly Header[]): [number, number] | null {
  let size: [number, number] | null = null;
  for (const m of headers) {
    if (m instanceof Error) continue;
    if (!size) size = [m.height, m.width];
    else if (size[0] !== m.height || size[1] !== m.width) return null;
  }
  return size;
}
