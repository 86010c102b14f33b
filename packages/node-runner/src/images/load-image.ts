import sharp from 'sharp';
import { CliError } from '../errors.js';

/** A decoded image resized to the model input: RGB float32 in [0, 1], row-major [H, W, 3]. */
export interface LoadedImage {
  data: Float32Array;
  /** Size of the file's image before resizing. */
  originalWidth: number;
  originalHeight: number;
}

/** A decoded image resized to the model input as RGB bytes, row-major [H, W, 3]. */
export interface DecodedBytes {
  data: Uint8Array;
  originalWidth: number;
  originalHeight: number;
}

function unreadable(path: string, err: unknown): CliError {
  return new CliError(`${path}: not a readable image (${(err as Error).message.split('\n')[0]})`);
}

/**
 * Decodes any image sharp reads (jpg, png, webp, gif, tiff...), converts grayscale and RGBA to RGB
 * (alpha dropped, as OpenCV's imread does) and resizes to `height`×`width` (bilinear, no crop),
 * as bytes: a quarter of the float32 image's size, which is what a decode cache holds.
 * Throws a CliError naming the file when it is not a readable image.
 */
export async function decodeImageBytes(path: string, height: number, width: number): Promise<DecodedBytes> {
  try {
    const img = sharp(path, { failOn: 'error' });
    const meta = await img.metadata();
    const { data } = await img
      .removeAlpha()
      .toColourspace('srgb')
      .resize(width, height, { fit: 'fill', kernel: 'linear' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    return {
      data: new Uint8Array(data.buffer, data.byteOffset, data.length),
      originalWidth: meta.width ?? width,
      originalHeight: meta.height ?? height,
    };
  } catch (err) {
    throw unreadable(path, err);
  }
}

/** Bytes → float32 in [0, 1] (every image camkit feeds a model goes through this one division). */
export function bytesToUnit(bytes: Uint8Array, out = new Float32Array(bytes.length)): Float32Array {
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i] / 255;
  return out;
}

/**
 * {@link decodeImageBytes} as RGB float32 in [0, 1].
 * Throws a CliError naming the file when it is not a readable image.
 */
export async function loadImage(path: string, height: number, width: number): Promise<LoadedImage> {
  const d = await decodeImageBytes(path, height, width);
  return { data: bytesToUnit(d.data), originalWidth: d.originalWidth, originalHeight: d.originalHeight };
}

/**
 * Reads only the header of an image file (what streaming checks up front instead of decoding
 * everything). Throws the same CliError as a failed decode.
 */
export async function readImageHeader(path: string): Promise<{ width: number; height: number }> {
  try {
    const m = await sharp(path, { failOn: 'error' }).metadata();
    if (!m.width || !m.height) throw new Error('no image size in the header');
    return { width: m.width, height: m.height };
  } catch (err) {
    throw unreadable(path, err);
  }
}

/** Reads an image at its own size as RGB bytes (for overlays on the original picture). */
export async function loadImageRgb(
  path: string,
): Promise<{ data: Uint8Array; width: number; height: number }> {
  try {
    const { data, info } = await sharp(path, { failOn: 'error' })
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    return {
      data: new Uint8Array(data.buffer, data.byteOffset, data.length),
      width: info.width,
      height: info.height,
    };
  } catch (err) {
    throw unreadable(path, err);
  }
}
