/**
 * Decode an image URL and resample it to width×height, returning RGB bytes (row-major, 3 per pixel).
 * Browser only (Image + canvas). The heat map overlays need the picture at the map's resolution.
 */
export async function loadImageRgb(url: string, width: number, height: number): Promise<Uint8ClampedArray> {
  const img = new Image();
  img.decoding = 'async';
  img.src = url;
  try {
    await img.decode();
  } catch {
    throw new Error(`could not decode image ${url}`);
  }
  return imageSourceToRgb(img, width, height);
}

/** Draw any canvas image source at width×height and read back its RGB bytes. */
export function imageSourceToRgb(src: CanvasImageSource, width: number, height: number): Uint8ClampedArray {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('2D canvas unavailable');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(src, 0, 0, width, height);
  return rgbaToRgb(ctx.getImageData(0, 0, width, height).data);
}

/** Drop the alpha channel. */
export function rgbaToRgb(rgba: Uint8ClampedArray): Uint8ClampedArray {
  const n = rgba.length / 4;
  const out = new Uint8ClampedArray(n * 3);
  for (let i = 0; i < n; i++) {
    out[i * 3] = rgba[i * 4];
    out[i * 3 + 1] = rgba[i * 4 + 1];
    out[i * 3 + 2] = rgba[i * 4 + 2];
  }
  return out;
}

/** Add an opaque alpha channel. */
export function rgbToRgba(rgb: ArrayLike<number>): Uint8ClampedArray {
  const n = rgb.length / 3;
  const out = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    out[i * 4] = rgb[i * 3];
    out[i * 4 + 1] = rgb[i * 3 + 1];
    out[i * 4 + 2] = rgb[i * 3 + 2];
    out[i * 4 + 3] = 255;
  }
  return out;
}
