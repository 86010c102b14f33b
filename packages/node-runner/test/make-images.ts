import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '@camkit/core';
import sharp from 'sharp';

/**
 * Writes a tiny folder-per-class dataset: class `top` has a bright top half, `bottom` a bright
 * bottom half (plus seeded noise), so a small CNN separates them in a few epochs.
 */
export async function makeHalvesDataset(
  root: string,
  perClass = 12,
  size = 16,
  format: 'png' | 'jpg' = 'png',
): Promise<void> {
  const rng = new Rng(1);
  const rand = () => rng.next();
  for (const cls of ['bottom', 'top']) {
    mkdirSync(join(root, cls), { recursive: true });
    for (let i = 0; i < perClass; i++) {
      const px = Buffer.alloc(size * size * 3);
      for (let y = 0; y < size; y++) {
        for (let x = 0; x < size; x++) {
          // Top vs bottom (not left vs right): the flip augmentation must not swap the classes.
          const bright = cls === 'top' ? y < size / 2 : y >= size / 2;
          for (let c = 0; c < 3; c++)
            px[(y * size + x) * 3 + c] = Math.floor(rand() * 60) + (bright ? 160 : 20);
        }
      }
      const img = sharp(px, { raw: { width: size, height: size, channels: 3 } });
      const file = join(root, cls, `${cls}-${i}.${format}`);
      writeFileSync(file, await (format === 'png' ? img.png() : img.jpeg()).toBuffer());
    }
  }
}

/** A grayscale PNG and an RGBA PNG of the given size. */
export async function writeGrayAndRgba(dir: string, size = 16): Promise<{ gray: string; rgba: string }> {
  mkdirSync(dir, { recursive: true });
  const gray = join(dir, 'gray.png');
  const rgba = join(dir, 'rgba.png');
  const g = Buffer.alloc(size * size, 128);
  writeFileSync(
    gray,
    await sharp(g, { raw: { width: size, height: size, channels: 1 } })
      .png()
      .toBuffer(),
  );
  const a = Buffer.alloc(size * size * 4, 200);
  writeFileSync(
    rgba,
    await sharp(a, { raw: { width: size, height: size, channels: 4 } })
      .png()
      .toBuffer(),
  );
  return { gray, rgba };
}
