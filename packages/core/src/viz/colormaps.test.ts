import { describe, expect, it } from 'vitest';
import { COLORMAPS } from './colormaps.js';

const rgb = (name: keyof typeof COLORMAPS, i: number) =>
  Array.from(COLORMAPS[name].subarray(3 * i, 3 * i + 3));
// Rec. 709 relative luminance on the byte values (good enough to order dark → light).
const luminance = ([r, g, b]: number[]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

describe('COLORMAPS', () => {
  it('are 256-entry RGB tables', () => {
    for (const lut of Object.values(COLORMAPS)) expect(lut.length).toBe(768);
  });

  it('jet matches OpenCV COLORMAP_JET (converted to RGB) at its breakpoints', () => {
    // cv2.applyColorMap(0) = BGR (128, 0, 0) → RGB (0, 0, 128); 255 → BGR (0, 0, 128) → RGB (128, 0, 0).
    expect(rgb('jet', 0)).toEqual([0, 0, 128]);
    expect(rgb('jet', 255)).toEqual([128, 0, 0]);
    // Octave jet ramps: blue saturates by x = 1/8, green is full on [3/8, 5/8], red from 5/8 to 7/8.
    expect(rgb('jet', 32)[0]).toBe(0);
    expect(rgb('jet', 32)[2]).toBe(255);
    expect(rgb('jet', 64)).toEqual([0, 128, 255]); // g = 4·64/255 − 0.5 → 128.5 → 128 (OpenCV rounds half to even)
    for (let i = 96; i <= 159; i++) expect(rgb('jet', i)[1]).toBe(255);
    for (let i = 160; i <= 223; i++) expect(rgb('jet', i)[0]).toBe(255);
    expect(rgb('jet', 128)[0]).toBeGreaterThan(120);
    expect(rgb('jet', 128)[2]).toBeLessThan(135);
  });

  it("turbo, viridis and inferno hold matplotlib's bytes (cmap(i, bytes=True), printed by matplotlib 3.6)", () => {
    expect(rgb('turbo', 0)).toEqual([48, 18, 59]);
    expect(rgb('turbo', 128)).toEqual([164, 252, 59]);
    expect(rgb('turbo', 255)).toEqual([122, 4, 2]);
    expect(rgb('viridis', 0)).toEqual([68, 1, 84]);
    expect(rgb('viridis', 128)).toEqual([32, 144, 140]);
    expect(rgb('viridis', 255)).toEqual([253, 231, 36]);
    expect(rgb('inferno', 0)).toEqual([0, 0, 3]);
    expect(rgb('inferno', 128)).toEqual([187, 55, 84]);
    expect(rgb('inferno', 255)).toEqual([252, 254, 164]);
    for (const name of ['viridis', 'inferno', 'gray'] as const) {
      for (let i = 1; i < 256; i++)
        expect(luminance(rgb(name, i))).toBeGreaterThanOrEqual(luminance(rgb(name, i - 1)) - 0.75);
      expect(luminance(rgb(name, 255)) - luminance(rgb(name, 0))).toBeGreaterThan(150);
    }
  });

  it('turbo runs dark blue → cyan → green → yellow → dark red and gray is the identity', () => {
    expect(luminance(rgb('turbo', 0))).toBeLessThan(40);
    const last = rgb('turbo', 255);
    expect(luminance(last)).toBeLessThan(60);
    expect(last[0]).toBeGreaterThan(100);
    const argmax = (c: number) => {
      let best = 0;
      for (let i = 1; i < 256; i++) if (rgb('turbo', i)[c] > rgb('turbo', best)[c]) best = i;
      return best;
    };
    // The channels peak in hue order: blue first, then green, then red.
    expect(argmax(2)).toBeLessThan(argmax(1));
    expect(argmax(1)).toBeLessThan(argmax(0));
    expect(rgb('turbo', argmax(1))[1]).toBeGreaterThan(240);
    for (let i = 0; i < 256; i++) expect(rgb('gray', i)).toEqual([i, i, i]);
  });
});
