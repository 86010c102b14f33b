import * as core from '@camkit/core';

type Colormap = (map: Float32Array, opts: { colormap?: string }) => Uint8ClampedArray;
type Overlay = (
  image: Uint8Array | Uint8ClampedArray,
  map: Float32Array,
  opts: { width: number; height: number; alpha?: number; colormap?: string },
) => Uint8ClampedArray;
type Deprocess = (grad: Float32Array) => Uint8ClampedArray | Uint8Array | Float32Array;

const c = core as Record<string, unknown>;

/** Jet as in matplotlib/OpenCV's COLORMAP_JET, used only when @camkit/core's viz is absent. */
function jet(v: number): [number, number, number] {
  const t = Math.min(1, Math.max(0, v));
  const ch = (x: number) => Math.round(255 * Math.min(1, Math.max(0, 1.5 - Math.abs(4 * t - x))));
  return [ch(3), ch(2), ch(1)];
}

/** A [H, W] map in [0, 1] as RGBA through the named colormap (core's `applyColormap`). */
export function colorize(map: Float32Array, colormap: string): Uint8ClampedArray {
  if (typeof c.applyColormap === 'function') return (c.applyColormap as Colormap)(map, { colormap });
  const out = new Uint8ClampedArray(map.length * 4);
  map.forEach((v, i) => {
    const [r, g, b] = jet(v);
    out.set([r, g, b, 255], i * 4);
  });
  return out;
}

/** Blends a [H, W] map over an RGB image of the same size (core's `overlay`), RGBA out. */
export function overlayMap(
  rgb: Uint8Array,
  map: Float32Array,
  width: number,
  height: number,
  alpha: number,
  colormap: string,
): Uint8ClampedArray {
  if (typeof c.overlay === 'function')
    return (c.overlay as Overlay)(rgb, map, { width, height, alpha, colormap });
  const heat = colorize(map, colormap);
  const out = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    for (let k = 0; k < 3; k++) out[i * 4 + k] = (1 - alpha) * rgb[i * 3 + k] + alpha * heat[i * 4 + k];
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** A raw input gradient [H, W, C] as displayable bytes (core's `deprocessImage`). */
export function deprocess(grad: Float32Array): Uint8ClampedArray {
  if (typeof c.deprocessImage === 'function') {
    const r = (c.deprocessImage as Deprocess)(grad);
    return r instanceof Float32Array ? Uint8ClampedArray.from(r, (v) => v * 255) : new Uint8ClampedArray(r);
  }
  // Same idea as pytorch-grad-cam's deprocess_image: standardise, scale to std 0.1, centre at 0.5.
  let mean = 0;
  for (const v of grad) mean += v;
  mean /= grad.length || 1;
  let sq = 0;
  for (const v of grad) sq += (v - mean) ** 2;
  const std = Math.sqrt(sq / (grad.length || 1)) + 1e-5;
  return Uint8ClampedArray.from(grad, (v) => Math.min(1, Math.max(0, ((v - mean) / std) * 0.1 + 0.5)) * 255);
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
