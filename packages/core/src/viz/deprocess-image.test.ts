import { describe, expect, it } from 'vitest';
import { deprocessImage } from './deprocess-image.js';

describe('deprocessImage', () => {
  it('matches deprocess_image on a hand example', () => {
    // mean 1.5, std √1.25; (x − 1.5)/1.1180 · 0.1 + 0.5 = 0.3658, 0.4553, 0.5447, 0.6342 → ×255, truncated.
    expect(Array.from(deprocessImage([0, 1, 2, 3]))).toEqual([93, 116, 138, 161]);
  });

  it('clips outliers and maps a constant gradient to mid-grey', () => {
    const spike = new Float32Array(100);
    spike[0] = 1000; // mean 10, std √9900 = 99.50: the spike is 9.95 std up → 1.495 → clipped to 255
    const out = deprocessImage(spike);
    expect(out[0]).toBe(255);
    expect(out[1]).toBe(124); // (0 − 10)/99.50 · 0.1 + 0.5 = 0.48995 → 124.9 → 124
    expect(Array.from(deprocessImage([4, 4, 4]))).toEqual([127, 127, 127]);
    expect(deprocessImage([]).length).toBe(0);
  });
});
