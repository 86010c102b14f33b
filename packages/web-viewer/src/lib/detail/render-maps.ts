import {
  applyColormap,
  type Box,
  boxFromMap,
  COLORMAPS,
  type ColormapName,
  deprocessImage,
  type NpyArray,
  overlay,
} from '@camkit/core';
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

/** Colormap names core offers. */
export function colormapNames(): ColormapName[] {
  return Object.keys(COLORMAPS) as ColormapName[];
}

/** A colormap core knows: a manifest may name one this version lacks, which must not break the page. */
export function safeColormap(name: string): ColormapName {
  return name in COLORMAPS ? (name as ColormapName) : 'jet';
}

/** Colormapped heat map, RGBA. Recomputed from the .npy so any colormap can be chosen. */
export function heatmapRgba(npy: NpyArray, colormap: string): Uint8ClampedArray {
  return applyColormap(mapData(npy), { colormap: safeColormap(colormap) });
}

/** Heat map blended over the image (RGB bytes at the map's resolution), RGBA. */
export function overlayRgba(
  rgb: Uint8ClampedArray,
  npy: NpyArray,
  alpha: number,
  colormap: string,
): Uint8ClampedArray {
  const { width, height } = mapSize(npy);
  return overlay(rgb, mapData(npy), { width, height, alpha, colormap: safeColormap(colormap) });
}

/** A guided map ([H, W, 3] input gradient) made viewable the way pytorch-grad-cam's deprocess_image does. */
export function guidedRgba(npy: NpyArray): Uint8ClampedArray {
  return rgbToRgba(deprocessImage(mapData(npy)));
}

/** Box around the largest region at or above `fraction` of the map's maximum, in map pixels. */
export function thresholdBox(npy: NpyArray, fraction: number): Box | null {
  // The threshold comes from a number field: half-typed values give no box rather than an error.
  if (!(fraction > 0 && fraction < 1)) return null;
  const { width, height } = mapSize(npy);
  return boxFromMap(mapData(npy), height, width, fraction);
}
