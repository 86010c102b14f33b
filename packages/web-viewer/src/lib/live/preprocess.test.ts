import { describe, expect, it } from 'vitest';
import { modelChannels, toDisplayRgb, toModelInput } from './preprocess.js';

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
  it('maps bytes to [-1, 1] for signed models (Keras "tf" mode)', () => {
    // By hand: 0 → −1, 51 → 2·0.2 − 1 = −0.6, 255 → 1; a gray pixel of a 1-channel model likewise.
    const x = toModelInput([0, 51, 255], 'signed');
    [-1, -0.6, 1].forEach((v, i) => {
      expect(x[i]).toBeCloseTo(v, 6);
    });
    expect(toModelInput([51, 51, 51], 'signed', 1)[0]).toBeCloseTo(-0.6, 6);
  });
  it('round-trips through toDisplayRgb', () => {
    const rgb = [0, 17, 128, 200, 255, 3];
    for (const p of ['unit', 'signed', 'imagenet'] as const) {
      expect(Array.from(toDisplayRgb(toModelInput(rgb, p), p))).toEqual(rgb);
    }
  });
});

describe('toModelInput for one-channel models', () => {
  it('takes the BT.601 luma of each pixel (hand-worked values)', () => {
    // Pure red, green, blue and white: 0.299, 0.587, 0.114 and 1.
    const x = toModelInput([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255], 'unit', 1);
    expect(x).toHaveLength(4);
    [0.299, 0.587, 0.114, 1].forEach((v, i) => {
      expect(x[i]).toBeCloseTo(v, 6);
    });
  });
  it('refuses channel counts live mode cannot feed', () => {
    expect(modelChannels(1, 'm')).toBe(1);
    expect(() => modelChannels(4, 'm')).toThrow(/model m takes 4 channels/);
  });
});
