import { describe, expect, it } from 'vitest';
import { rgbaToRgb, rgbToRgba } from './image-pixels.js';

describe('pixel layout helpers', () => {
  it('drops and restores the alpha channel', () => {
    const rgba = new Uint8ClampedArray([1, 2, 3, 9, 4, 5, 6, 9]);
    expect(Array.from(rgbaToRgb(rgba))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(rgbToRgba([1, 2, 3, 4, 5, 6]))).toEqual([1, 2, 3, 255, 4, 5, 6, 255]);
  });
});
