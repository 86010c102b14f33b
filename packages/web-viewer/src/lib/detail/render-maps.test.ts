import { describe, expect, it } from 'vitest';
import { guidedRgba, heatmapRgba, mapData, overlayRgba, safeColormap, thresholdBox } from './render-maps.js';

const npy = (data: number[], shape: number[]) => ({
  data: new Float32Array(data),
  shape,
  dtype: 'float32' as const,
});

describe('render-maps', () => {
  it('falls back to jet for a colormap this version does not know', () => {
    expect(safeColormap('viridis')).toBe('viridis');
    expect(safeColormap('hot-pink')).toBe('jet');
    const m = npy([0, 0.5, 1, 0.25], [2, 2]);
    expect(Array.from(heatmapRgba(m, 'hot-pink'))).toEqual(Array.from(heatmapRgba(m, 'jet')));
  });

  it('shows the image at opacity 0 and the heat map at opacity 1', () => {
    const m = npy([0, 0.5, 1, 0.25], [2, 2]);
    const rgb = new Uint8ClampedArray([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120]);
    const at0 = overlayRgba(rgb, m, 0, 'jet');
    expect(Array.from(at0).filter((_, i) => i % 4 !== 3)).toEqual(Array.from(rgb));
    expect(Array.from(overlayRgba(rgb, m, 1, 'jet'))).toEqual(Array.from(heatmapRgba(m, 'jet')));
  });

  it('scales uint8 maps to [0, 1] and draws guided maps as opaque RGBA', () => {
    expect(Array.from(mapData({ data: new Uint8Array([0, 255]), shape: [1, 2], dtype: 'uint8' }))).toEqual([
      0, 1,
    ]);
    const g = guidedRgba(npy([1, -1, 0, 2, 0, -2], [1, 2, 3]));
    expect(g.length).toBe(8);
    expect(g[3]).toBe(255);
    expect(g[7]).toBe(255);
  });

  it('boxes the hot region, in map pixels, and ignores a half-typed threshold', () => {
    // 4×4 map, hot 2×2 block at rows 1..2, columns 2..3.
    const m = npy([0, 0, 0, 0, 0, 0, 0.9, 1, 0, 0, 0.8, 0.9, 0, 0.1, 0, 0], [4, 4]);
    expect(thresholdBox(m, 0.5)).toEqual({ xMin: 2, yMin: 1, xMax: 3, yMax: 2 });
    expect(thresholdBox(m, Number.NaN)).toBeNull();
    expect(thresholdBox(m, 0)).toBeNull();
  });
});
