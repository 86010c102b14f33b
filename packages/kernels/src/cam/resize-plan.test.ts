import { describe, expect, it } from 'vitest';
import { randn } from '../../test/random.js';
import { extremeCandidates, resizePlan } from './resize-plan.js';

function resized(m: Float32Array, h: number, w: number, outH: number, outW: number, halfPixel: boolean) {
  const ry = resizePlan(h, outH, halfPixel);
  const rx = resizePlan(w, outW, halfPixel);
  return (y: number, x: number) => {
    const at = (r: number, c: number) => m[r * w + c] as number;
    const fx = rx.frac[x] as number;
    const top =
      at(ry.lo[y] as number, rx.lo[x] as number) * (1 - fx) + at(ry.lo[y] as number, rx.hi[x] as number) * fx;
    const bot =
      at(ry.hi[y] as number, rx.lo[x] as number) * (1 - fx) + at(ry.hi[y] as number, rx.hi[x] as number) * fx;
    const fy = ry.frac[y] as number;
    return top * (1 - fy) + bot * fy;
  };
}

describe('extremeCandidates', () => {
  it.each([
    [3, 4, 17, 29, true],
    [14, 14, 224, 224, true],
    [5, 7, 12, 9, false],
    [8, 8, 5, 3, true],
    [1, 6, 4, 13, true],
  ] as const)(
    '%i x %i -> %i x %i (halfPixel %s): brute-force extremes lie on the candidates',
    (h, w, outH, outW, hp) => {
      const cy = extremeCandidates(resizePlan(h, outH, hp));
      const cx = extremeCandidates(resizePlan(w, outW, hp));
      expect(cy.length).toBeLessThanOrEqual(Math.min(outH, 2 * h + 2));
      for (let trial = 0; trial < 20; trial++) {
        const v = resized(randn(h * w), h, w, outH, outW, hp);
        let all = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
        for (let y = 0; y < outH; y++)
          for (let x = 0; x < outW; x++)
            all = [Math.min(all[0] as number, v(y, x)), Math.max(all[1] as number, v(y, x))];
        let cand = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
        for (const y of cy)
          for (const x of cx)
            cand = [Math.min(cand[0] as number, v(y, x)), Math.max(cand[1] as number, v(y, x))];
        expect(cand[0]).toBeCloseTo(all[0] as number, 12);
        expect(cand[1]).toBeCloseTo(all[1] as number, 12);
      }
    },
  );
});
