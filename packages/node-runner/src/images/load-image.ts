import sharp from 'sharp';
import { CliError } from '../errors.js';

/** A decoded image resized to the model input: RGB float32 in [0, 1], row-major [H, W, 3]. */
export interface LoadedImage {
  data: Float32Array;
  /** Size of the file's image before resizing. */
  originalWidth: number;
  originalHeight: number;
}

/**
 * Decodes any image sharp reads (jpg, png, webp, gif, tiff...), converts grayscale and RGBA to RGB
 * (alpha dropped, as OpenCV's imread does) and resizes to `height`×`width` (bilinear, no crop).
 * Throws a CliError naming the file when it is not a readable image.
 */
export async function loadImage(path: string, height: number, width: number): Promise<LoadedImage> {
  try {
    const img = sharp(path, { failOn: 'error' });
    const meta = await img.metadata();
    const { data } = await img
      .removeAlpha()
      .toColourspace('srgb')
      .resize(width, height, { fit: 'fill', kernel: 'linear' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const out = new Float32Array(height * width * 3);
    for (let i = 0; i < out.length; i++) out[i] = data[i] / 255;
    return { data: out, originalWidth: meta.width ?? width, originalHeight: meta.height ?? height };
  } catch (err) {
    const msg = (err as Error).message.split('\n')[0];
    throw new CliError(`${path}: not a readable image (${msg})`);
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
    throw new CliError(`${path}: not a readable image (${(err as Error).message.split('\n')[0]})`);
  }
}
