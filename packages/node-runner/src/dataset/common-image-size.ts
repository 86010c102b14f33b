import sharp from 'sharp';

/**
 * The size every readable image in `files` shares, as [height, width], or null when they differ
 * (or none could be read). Reads only the headers, a few files at a time.
 */
export async function commonImageSize(files: string[]): Promise<[number, number] | null> {
  let size: [number, number] | null = null;
  for (let i = 0; i < files.length; i += 64) {
    const metas = await Promise.all(
      files.slice(i, i + 64).map((f) =>
        sharp(f)
          .metadata()
          .catch(() => null),
      ),
    );
    for (const m of metas) {
      if (!m?.width || !m.height) continue; // unreadable: loading skips it (or --strict fails)
      if (!size) size = [m.height, m.width];
      else if (size[0] !== m.height || size[1] !== m.width) return null;
    }
  }
  return size;
}
