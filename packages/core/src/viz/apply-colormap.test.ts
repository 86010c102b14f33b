import { describe, expect, it } from 'vitest';
import { CamkitError } from '../errors.js';
import { applyColormap } from './apply-colormap.js';
import { COLORMAPS } from './colormaps.js';

describe('applyColormap', () => {
  it('maps v to entry floor(255 v) with opaque alpha, clipping out-of-range values', () => {
    const out = applyColormap([0, 1, 0.5, 2, -1, Number.NaN], { colormap: 'gray' });
    expect(Array.from(out)).toEqual([
      0, 0, 0, 255, 255, 255, 255, 255, 127, 127, 127, 255, 255, 255, 255, 255, 0, 0, 0, 255, 0, 0, 0, 255,
    ]);
  });

  it('defaults to jet and rejects unknown names', () => {
    const out = applyColormap([0, 1]);
    expect(Array.from(out.subarray(0, 3))).toEqual(Array.from(COLORMAPS.jet.subarray(0, 3)));
    expect(Array.from(out.subarray(4, 7))).toEqual(Array.from(COLORMAPS.jet.subarray(765, 768)));
    expect(() => applyColormap([0], { colormap: 'rainbow' as never })).toThrow(CamkitError);
    expect(() => applyColormap([0], { colormap: 'rainbow' as never })).toThrow(/choose from jet, turbo/);
  });
});
