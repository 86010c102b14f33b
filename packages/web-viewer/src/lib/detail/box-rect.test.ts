import { describe, expect, it } from 'vitest';
import { boxToRect, rescaleBox } from './box-rect.js';

describe('boxToRect', () => {
  it('covers whole pixels: a one-pixel box at scale 4 is 4×4', () => {
    expect(boxToRect({ xMin: 2, yMin: 3, xMax: 2, yMax: 3 }, 8, 8, 32, 32)).toEqual({
      x: 8,
      y: 12,
      width: 4,
      height: 4,
    });
  });
  it('maps the full image to the full view with different x/y scales', () => {
    expect(boxToRect({ xMin: 0, yMin: 0, xMax: 63, yMax: 31 }, 64, 32, 256, 256)).toEqual({
      x: 0,
      y: 0,
      width: 256,
      height: 256,
    });
  });
});

describe('rescaleBox', () => {
  it('is the identity when sizes match', () => {
    const b = { xMin: 3, yMin: 4, xMax: 10, yMax: 12 };
    expect(rescaleBox(b, 64, 64, 64, 64)).toEqual(b);
  });
  it('maps map pixels to the image pixels they cover', () => {
    // 8×8 map on a 32×32 image: map pixel 1 covers image pixels 4..7, pixel 2 covers 8..11.
    expect(rescaleBox({ xMin: 1, yMin: 1, xMax: 2, yMax: 2 }, 8, 8, 32, 32)).toEqual({
      xMin: 4,
      yMin: 4,
      xMax: 11,
      yMax: 11,
    });
    // Downscale 64 -> 48 (factor 0.75): map 10..20 covers image 7.5..15.75 -> 7..15.
    expect(rescaleBox({ xMin: 10, yMin: 0, xMax: 20, yMax: 63 }, 64, 64, 48, 48)).toEqual({
      xMin: 7,
      yMin: 0,
      xMax: 15,
      yMax: 47,
    });
  });
});
