import { CamkitError } from '../errors.js';
import { getColormap } from './apply-colormap.js';
import type { ColormapName } from './colormaps.js';

/** Options for {@link overlay}. */
export interface OverlayOptions {
  width: number;
  height: number;
  /** Heatmap opacity: 0 shows the image, 1 the heatmap. Default 0.5 (pytorch-grad-cam's image_weight = 1 − alpha). */
  alpha?: number;
  /** Default 'jet'. */
  colormap?: ColormapName;
  /**
   * Divide the blend by its maximum before converting to bytes, as pytorch-grad-cam's
   * show_cam_on_image does. Default false (alpha 0 then returns the image unchanged).
   */
  normalize?: boolean;
}

/**
 * Blends a colour-mapped saliency map over an image: `alpha · colormap(map) + (1 − alpha) · image`,
 * returned as RGBA bytes (alpha channel 255) ready for an ImageData or a PNG encoder.
 *
 * @param imageRgb [height, width, 3] (or 4, alpha ignored): bytes 0..255 as Uint8Array /
 *   Uint8ClampedArray, or floats in [0, 1] as Float32Array
 * @param map [height, width] values in [0, 1]
 */
export function overlay(
  imageRgb: Uint8Array | Uint8ClampedArray | Float32Array,
  map: ArrayLike<number>,
  opts: OverlayOptions,
): Uint8ClampedArray {
  const { width, height } = opts;
  const alpha = opts.alpha ?? 0.5;
  const n = width * height;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new CamkitError(`overlay: width and height must be positive integers, got ${width}×${height}`);
  }
  if (!(alpha >= 0 && alpha <= 1)) throw new CamkitError(`overlay: alpha must be in [0, 1], got ${alpha}`);
  if (map.length !== n)
    throw new CamkitError(`overlay: map has ${map.length} values, expected ${width}×${height} = ${n}`);
  const channels = imageRgb.length / n;
  if (channels !== 3 && channels !== 4) {
    throw new CamkitError(
      `overlay: image has ${imageRgb.length} values, expected ${n}×3 (RGB) or ${n}×4 (RGBA)`,
    );
  }
  const lut = getColormap(opts.colormap ?? 'jet');
  const scale = imageRgb instanceof Float32Array ? 255 : 1;
  const blend = new Float32Array(n * 3);
  let max = 0;
  for (let i = 0; i < n; i++) {
    const v = map[i];
    const k = v > 0 ? Math.floor(255 * Math.min(1, v)) : 0;
    for (let c = 0; c < 3; c++) {
      const b = alpha * lut[3 * k + c] + (1 - alpha) * scale * imageRgb[channels * i + c];
      blend[3 * i + c] = b;
      if (b > max) max = b;
    }
  }
  const gain = opts.normalize && max > 0 ? 255 / max : 1;
  const out = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < 3; c++) out[4 * i + c] = blend[3 * i + c] * gain;
    out[4 * i + 3] = 255;
  }
  return out;
}
