import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { readImageHeader } from '../images/load-image.js';
import { StreamSource } from './stream-source.js';

const S = 4;
/** The RGB bytes written into file i: a pattern that differs per file and per pixel. */
const pixels = (i: number) =>
  Buffer.from(Array.from({ length: S * S * 3 }, (_, p) => (i * 7 + p * 13) % 256));

describe('StreamSource', () => {
  let dir: string;
  let files: string[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'camkit-stream-'));
    // 300 files: more than the cache's 256-image minimum, so eviction happens.
    files = await Promise.all(
      Array.from({ length: 300 }, async (_, i) => {
        const f = join(dir, `${String(i).padStart(3, '0')}.png`);
        await sharp(pixels(i), { raw: { width: S, height: S, channels: 3 } })
          .png()
          .toFile(f);
        return f;
      }),
    );
  });

  it('reads the pixels written to each file, as bytes/255, in the order asked', async () => {
    const src = StreamSource.open(
      files,
      files.map((_, i) => i % 3),
      S,
      S,
    );
    const got = await src.read([5, 0, 299]);
    [5, 0, 299].forEach((i, j) => {
      // PNG is lossless and the size is the file's own: the bytes come back exactly.
      expect(Array.from(got[j])).toEqual(Array.from(pixels(i), (b) => Math.fround(b / 255)));
    });
    expect(Array.from(src.labels.slice(0, 4))).toEqual([0, 1, 2, 0]);
  });

  it('keeps at most its capacity decoded: recent items are hits, evicted ones decode again', async () => {
    const src = StreamSource.open(files, new Array(300).fill(0), S, S, 0);
    for (let i = 0; i < 300; i += 30) await src.read(Array.from({ length: 30 }, (_, k) => i + k));
    const after = src.stats();
    expect(after.capacity).toBe(256);
    expect(after.cached).toBe(256);
    expect(after.decodes).toBe(300);
    await src.read([299]); // among the last 256 used
    expect(src.stats()).toMatchObject({ decodes: 300, hits: 1 });
    await src.read([0]); // the oldest: evicted
    expect(src.stats()).toMatchObject({ decodes: 301, hits: 1, cached: 256 });
  });

  it('a prefetched batch is read without decoding again; a subset shares the cache', async () => {
    const src = StreamSource.open(files, new Array(300).fill(1), S, S);
    src.prefetch([10, 11, 12]);
    expect(src.stats().decodes).toBe(3);
    await src.read([10, 11, 12]);
    expect(src.stats()).toMatchObject({ decodes: 3, hits: 3 });
    const sub = src.subset([12, 40]);
    const [a, b] = await sub.read([0, 1]);
    expect(src.stats()).toMatchObject({ decodes: 4, hits: 4 });
    expect(a).toEqual((await src.read([12]))[0]);
    expect(b).toEqual((await src.read([40]))[0]);
    await expect(sub.read([2])).rejects.toThrow(/image index 2 outside 0\.\.1/);
  });

  it('a file whose header reads but whose body does not fails the read with one line naming it', async () => {
    const px = Buffer.from(Array.from({ length: 16 * 16 * 3 }, (_, p) => (p * 13) % 256));
    const png = await sharp(px, { raw: { width: 16, height: 16, channels: 3 } })
      .png()
      .toBuffer();
    const bad = join(dir, 'bad', 'truncated.png');
    mkdirSync(join(dir, 'bad'));
    writeFileSync(bad, png.subarray(0, png.length - 30)); // the header survives, the pixel data does not
    await expect(readImageHeader(bad)).resolves.toEqual({ width: 16, height: 16 });
    const src = StreamSource.open([files[0], bad], [0, 1], S, S);
    await expect(src.read([0, 1])).rejects.toThrow(
      /truncated\.png: not a readable image .*--stream off, which skips it\)$/,
    );
  });
});
