import type { Box, NpyArray } from '@camkit/core';
import { applyColormap, boxFromMap, COLORMAPS, deprocessImage, overlay } from '@camkit/core';
import { rgbToRgba } from './image-pixels.js';

/** Height and width of a saved map ([H, W] or [H, W, C]). */
export function mapSize(npy: Pick<NpyArray, 'shape'>): { height: number; width: number } {
  return { height: npy.shape[0], width: npy.shape[1] };
}

/** The map as a float array (saved maps are float32; uint8 masks are scaled to [0, 1]). */
export function mapData(npy: NpyArray): Float32Array {
  if (npy.data instanceof Float32Array) return npy.data;
  return Float32Array.from(npy.data, (v) => v / 255);
}

/** Colormapped heat map, RGBA. Recomputed from the .npy so any colormap can be chosen. */
export function heatmapRgba(npy: NpyArray, colormap: string): Uint8ClampedArray {
  return toClamped(applyColormap(mapData(npy), { colormap } as Parameters<typeof applyColormap>[1]));
}

/** Heat map blended over the image (RGB at the map's resolution), RGBA. */
export function overlayRgba(
  rgb: Uint8ClampedArray,
  npy: NpyArray,
  alpha: number,
  colormap: string,
): Uint8ClampedArray {
  const { width, height } = mapSize(npy);
  return toClamped(
    overlay(rgb, mapData(npy), { width, height, alpha, colormap } as Parameters<typeof overlay>[2]),
  );
}

/** A guided map ([H, W, 3] input gradient) made viewable the way pytorch-grad-cam's deprocess_image does. */
export function guidedRgba(npy: NpyArray): Uint8ClampedArray {
  const rgb = deprocessImage(mapData(npy));
  return rgbToRgba(rgb);
}

/** Box around the map's region above `fraction` of its maximum, in map pixels. */
export function thresholdBox(npy: NpyArray, fraction: number): Box | null {
  const { width, height } = mapSize(npy);
  return boxFromMap(mapData(npy), height, width, fraction) ?? null;
}

function toClamped(a: ArrayLike<number>): Uint8ClampedArray {
  return a instanceof Uint8ClampedArray ? a : Uint8ClampedArray.from(a);
}

/** Colormap names core offers, whatever shape its COLORMAPS table has. */
export function colormapNames(): string[] {
  const c = COLORMAPS as unknown;
  if (Array.isArray(c)) return c.map(String);
  if (c && typeof c === 'object') return Object.keys(c);
  return ['jet'];
}
