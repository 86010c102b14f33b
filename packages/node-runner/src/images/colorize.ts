import { applyColormap, type ColormapName, deprocessImage, overlay } from '@camkit/core';

/** A [H, W] map in [0, 1] as RGBA through the named colormap (core's `applyColormap`). */
export function colorize(map: Float32Array, colormap: ColormapName): Uint8ClampedArray {
  return applyColormap(map, { colormap });
}

/** Blends a [H, W] map over an RGB image of the same size (core's `overlay`), RGBA out. */
export function overlayMap(
  rgb: Uint8Array,
  map: Float32Array,
  width: number,
  height: number,
  alpha: number,
  colormap: ColormapName,
): Uint8ClampedArray {
  return overlay(rgb, map, { width, height, alpha, colormap });
}

/** A raw input gradient [H, W, C] as displayable bytes (core's `deprocessImage`). */
export function deprocess(grad: Float32Array): Uint8ClampedArray {
  return new Uint8ClampedArray(deprocessImage(grad));
}

/** Bilinear resize of a single-channel map (align-corners off, as image resizers do). */
export function resizeMap(map: Float32Array, h: number, w: number, outH: number, outW: number): Float32Array {
  if (h === outH && w === outW) return map;
  const out = new Float32Array(outH * outW);
  for (let y = 0; y < outH; y++) {
    const sy = Math.min(h - 1, Math.max(0, ((y + 0.5) * h) / outH - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(h - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < outW; x++) {
      const sx = Math.min(w - 1, Math.max(0, ((x + 0.5) * w) / outW - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(w - 1, x0 + 1);
      const fx = sx - x0;
      const top = map[y0 * w + x0] * (1 - fx) + map[y0 * w + x1] * fx;
      const bot = map[y1 * w + x0] * (1 - fx) + map[y1 * w + x1] * fx;
      out[y * outW + x] = top * (1 - fy) + bot * fy;
    }
  }
  return out;
}
