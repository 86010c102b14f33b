import { CamkitError } from '../errors.js';
import { COLORMAPS, type ColormapName } from './colormaps.js';

/** Options for {@link applyColormap}. */
export interface ApplyColormapOptions {
  /** Default 'jet'. */
  colormap?: ColormapName;
}

/** Looks up a colormap by name, with an error listing the valid ones. */
export function getColormap(name: ColormapName) {
  const lut = COLORMAPS[name];
  if (!lut)
    throw new CamkitError(`unknown colormap '${name}'; choose from ${Object.keys(COLORMAPS).join(', ')}`);
  return lut;
}

/**
 * Colours a map with values in [0, 1] (clipped; NaN counts as 0) into RGBA pixels, alpha 255. The
 * entry is floor(255 · v), like pytorch-grad-cam's `np.uint8(255 * mask)` before cv2.applyColorMap.
 */
export function applyColormap(map: ArrayLike<number>, opts: ApplyColormapOptions = {}): Uint8ClampedArray {
  const lut = getColormap(opts.colormap ?? 'jet');
  const out = new Uint8ClampedArray(map.length * 4);
  for (let i = 0; i < map.length; i++) {
    const v = map[i];
    const k = v > 0 ? Math.floor(255 * Math.min(1, v)) : 0;
    out[4 * i] = lut[3 * k];
    out[4 * i + 1] = lut[3 * k + 1];
    out[4 * i + 2] = lut[3 * k + 2];
    out[4 * i + 3] = 255;
  }
  return out;
}
