import { describe, expect, it } from 'vitest';
import { applyColormap } from './apply-colormap.js';
import { overlay } from './overlay.js';

describe('overlay', () => {
  const width = 3;
  const height = 2;
  const image = new Uint8Array([
    10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160, 170, 180,
  ]);
  const map = [0, 0.2, 0.4, 0.6, 0.8, 1];
  const rgbOf = (rgba: Uint8ClampedArray) => Array.from(rgba).filter((_, i) => i % 4 !== 3);

  it('returns the image at alpha 0 and the heatmap at alpha 1', () => {
    const a0 = overlay(image, map, { width, height, alpha: 0 });
    expect(rgbOf(a0)).toEqual(Array.from(image));
    expect(Array.from(a0).filter((_, i) => i % 4 === 3)).toEqual([255, 255, 255, 255, 255, 255]);
    const a1 = overlay(image, map, { width, height, alpha: 1, colormap: 'viridis' });
    expect(Array.from(a1)).toEqual(Array.from(applyColormap(map, { colormap: 'viridis' })));
  });

  it('blends linearly in between and accepts float images and RGBA input', () => {
    const floatImage = Float32Array.from(image, (v) => v / 255);
    const half = overlay(floatImage, map, { width, height, alpha: 0.25, colormap: 'gray' });
    // gray heat for v = 0.4 is floor(102) = 102; pixel 2 channel 0 is 70.
    expect(half[8]).toBe(Math.round(0.25 * 102 + 0.75 * 70));
    const rgba = new Uint8Array(width * height * 4);
    for (let i = 0; i < width * height; i++) rgba.set([...image.subarray(3 * i, 3 * i + 3), 7], 4 * i);
    expect(Array.from(overlay(rgba, map, { width, height, alpha: 0 }))).toEqual(
      Array.from(overlay(image, map, { width, height, alpha: 0 })),
    );
  });

  it('divides by the maximum when asked, like show_cam_on_image', () => {
    const dim = new Uint8Array(18).fill(50);
    const out = overlay(dim, new Float32Array(6), { width, height, alpha: 0, normalize: true });
    expect(rgbOf(out)).toEqual(new Array(18).fill(255));
  });

  it('rejects mismatched sizes and bad alpha', () => {
    expect(() => overlay(image, [0, 1], { width, height })).toThrow(/map has 2 values, expected 3×2 = 6/);
    expect(() => overlay(image.subarray(0, 10), map, { width, height })).toThrow(/image has 10 values/);
    expect(() => overlay(image, map, { width, height, alpha: 1.5 })).toThrow(/alpha must be in \[0, 1\]/);
  });
});
