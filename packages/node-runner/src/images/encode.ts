import sharp from 'sharp';
import { writeFileAtomic } from '@camkit/core/node';

/** Encodes raw RGB/RGBA bytes as PNG or JPG and writes the file atomically. */
export async function writeImage(
  path: string,
  pixels: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  channels: 1 | 3 | 4,
  format: 'png' | 'jpg',
): Promise<void> {
  const img = sharp(Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength), {
    raw: { width, height, channels },
  });
  const buf = await (format === 'png' ? img.png() : img.jpeg({ quality: 90 })).toBuffer();
  writeFileAtomic(path, new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
}
