import { describe, expect, it } from 'vitest';
import { CamkitError } from '../errors.js';
import { SYNTHETIC_CLASS_NAMES, syntheticSample } from './synthetic-sample.js';

describe('syntheticSample', () => {
  it('is a pure function of (seed, index)', () => {
    const a = syntheticSample(17, { seed: 3 });
    const b = syntheticSample(17, { seed: 3 });
    expect(Buffer.from(a.image.buffer).equals(Buffer.from(b.image.buffer))).toBe(true);
    expect(a.mask).toEqual(b.mask);
    expect(a.box).toEqual(b.box);
    const otherSeed = syntheticSample(17, { seed: 4 });
    const otherIndex = syntheticSample(18, { seed: 3 });
    expect(Buffer.from(otherSeed.image.buffer).equals(Buffer.from(a.image.buffer))).toBe(false);
    expect(Buffer.from(otherIndex.image.buffer).equals(Buffer.from(a.image.buffer))).toBe(false);
  });

  it('labels index % classes and honours a class subset', () => {
    for (let i = 0; i < 8; i++) {
      const s = syntheticSample(i);
      expect(s.label).toBe(i % 4);
      expect(s.className).toBe(SYNTHETIC_CLASS_NAMES[i % 4]);
    }
    const s = syntheticSample(1, { classes: ['cross', 'ring'] });
    expect(s.label).toBe(1);
    expect(s.className).toBe('ring');
  });

  it('has a box equal to the mask extent, values in [0,1] and objects 45–75% of the side', () => {
    for (const size of [32, 64]) {
      for (let i = 0; i < 40; i++) {
        const s = syntheticSample(i, { size, seed: 11 });
        expect(s.image.length).toBe(size * size * 3);
        let lo = 1;
        let hi = 0;
        for (const v of s.image) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
        expect(lo).toBeGreaterThanOrEqual(0);
        expect(hi).toBeLessThanOrEqual(1);
        const rows: number[] = [];
        const cols: number[] = [];
        s.mask.forEach((m, p) => {
          if (m) {
            rows.push(Math.floor(p / size));
            cols.push(p % size);
          }
        });
        expect(rows.length).toBeGreaterThan(0);
        expect(s.box).toEqual({
          xMin: Math.min(...cols),
          xMax: Math.max(...cols),
          yMin: Math.min(...rows),
          yMax: Math.max(...rows),
        });
        const side = Math.max(s.box.xMax - s.box.xMin, s.box.yMax - s.box.yMin) + 1;
        expect(side).toBeGreaterThanOrEqual(Math.floor(0.45 * size) - 1);
        expect(side).toBeLessThanOrEqual(Math.ceil(0.75 * size) + 1);
      }
    }
  });

  it('draws each class with its defining geometry', () => {
    for (let i = 0; i < 80; i++) {
      const s = syntheticSample(i, { seed: 5 });
      const { xMin, xMax, yMin, yMax } = s.box;
      const w = xMax - xMin + 1;
      const h = yMax - yMin + 1;
      const at = (x: number, y: number) => s.mask[y * 64 + x];
      const cx = Math.round((xMin + xMax) / 2);
      const cy = Math.round((yMin + yMax) / 2);
      const rowWidth = (y: number) => s.mask.subarray(y * 64, y * 64 + 64).reduce((a, b) => a + b, 0);
      if (s.className === 'ring') {
        expect(at(cx, cy)).toBe(0); // hollow
        expect(Math.abs(w - h)).toBeLessThanOrEqual(1);
      } else if (s.className === 'cross') {
        expect(at(cx, cy)).toBe(1);
        expect(at(xMin, yMin) + at(xMax, yMin) + at(xMin, yMax) + at(xMax, yMax)).toBe(0); // empty corners
      } else if (s.className === 'horizontal_bar') {
        expect(w).toBeGreaterThan(2.5 * h);
        expect(rowWidth(cy)).toBe(w); // filled
      } else {
        // Filled triangle: row widths change monotonically from apex to base.
        const widths = Array.from({ length: h }, (_, k) => rowWidth(yMin + k));
        const up = widths[0] < widths[h - 1];
        for (let k = 1; k < h; k++)
          expect(up ? widths[k] >= widths[k - 1] : widths[k] <= widths[k - 1]).toBe(true);
      }
    }
  });

  it('rejects bad options with CamkitErrors', () => {
    expect(() => syntheticSample(-1)).toThrow(CamkitError);
    expect(() => syntheticSample(0, { size: 8 })).toThrow(/size must be an integer ≥ 16/);
    expect(() => syntheticSample(0, { classes: ['hexagon' as never] })).toThrow(
      /unknown classes \[hexagon\]/,
    );
    expect(() => syntheticSample(0, { objectScale: [0.5, 0.2] })).toThrow(/objectScale/);
  });
});
