import { INFERNO_HEX, TURBO_HEX, VIRIDIS_HEX } from './colormap-tables.js';

/** Names of the built-in colormaps. */
export type ColormapName = 'jet' | 'turbo' | 'viridis' | 'inferno' | 'gray';

/** A colormap: 256 RGB entries, `lut[3 * i + c]`, for values i / 255. */
export type ColormapLut = Uint8Array;

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/** Round half to even, like OpenCV's saturate_cast when it converts its float tables to 8 bits. */
function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

function build(fn: (x: number) => [number, number, number], round = Math.round): ColormapLut {
  const lut = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const rgb = fn(i / 255);
    for (let c = 0; c < 3; c++) lut[3 * i + c] = round(255 * clamp01(rgb[c]));
  }
  return lut;
}

/**
 * Jet as OpenCV's COLORMAP_JET builds it (the GNU Octave / MATLAB jet: piecewise-linear ramps of
 * slope 4), in RGB order. cv2.applyColorMap returns BGR; pytorch-grad-cam's show_cam_on_image
 * converts it to RGB, which is what this table holds.
 */
function jet(x: number): [number, number, number] {
  return [
    Math.min(4 * x - 1.5, -4 * x + 4.5),
    Math.min(4 * x - 0.5, -4 * x + 3.5),
    Math.min(4 * x + 0.5, -4 * x + 2.5),
  ];
}

/** A table from its 768 bytes as hex (see colormap-tables.ts). */
function fromHex(hex: string): ColormapLut {
  const lut = new Uint8Array(256 * 3);
  for (let i = 0; i < lut.length; i++) lut[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return lut;
}

/**
 * The built-in colormaps as 256-entry RGB lookup tables. `jet` is built the way OpenCV builds
 * COLORMAP_JET (the seed's and pytorch-grad-cam's default): every ramp entry falls on a .5 before
 * rounding, so an entry may differ from OpenCV's by one level where float rounding differs.
 * `turbo`, `viridis` and `inferno` are matplotlib's own tables, entry for entry (the bytes
 * `cmap(i, bytes=True)` gives); `gray` is the identity.
 */
export const COLORMAPS: Readonly<Record<ColormapName, ColormapLut>> = {
  jet: build(jet, roundHalfEven),
  turbo: fromHex(TURBO_HEX),
  viridis: fromHex(VIRIDIS_HEX),
  inferno: fromHex(INFERNO_HEX),
  gray: build((x) => [x, x, x]),
};
