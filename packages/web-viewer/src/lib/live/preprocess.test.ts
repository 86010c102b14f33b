import { describe, expect, it } from 'vitest';
import { toDisplayRgb, toModelInput } from './preprocess.js';

describe('toModelInput', () => {
  it('scales bytes to [0, 1]', () => {
    expect(Array.from(toModelInput([0, 51, 255], 'unit'))).toEqual([0, 0.2, 1].map(Math.fround));
  });
  it('normalises with the ImageNet statistics per channel', () => {
    const x = toModelInput([255, 0, 128], 'imagenet');
    expect(x[0]).toBeCloseTo((1 - 0.485) / 0.229, 5);
    expect(x[1]).toBeCloseTo((0 - 0.456) / 0.224, 5);
    expect(x[2]).toBeCloseTo((128 / 255 - 0.406) / 0.225, 5);
  });
  it('round-trips through toDisplayRgb', () => {
    const rgb = [0, 17, 128, 200, 255, 3];
    for (const p of ['unit', 'imagenet'] as const) {
      expect(Array.from(toDisplayRgb(toModelInput(rgb, p), p))).toEqual(rgb);
    }
  });
});
