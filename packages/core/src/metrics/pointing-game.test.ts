import { describe, expect, it } from 'vitest';
import { pointingGame } from './pointing-game.js';

function mapWithPeak(h: number, w: number, x: number, y: number): Float32Array {
  const m = new Float32Array(h * w).fill(0.1);
  m[y * w + x] = 1;
  return m;
}

describe('pointingGame', () => {
  const box = { xMin: 10, yMin: 10, xMax: 19, yMax: 19 };

  it('hits inside the box and measures the distance outside it', () => {
    expect(pointingGame(mapWithPeak(32, 32, 12, 15), 32, 32, box, { tolerance: 0 })).toEqual({
      hit: true,
      x: 12,
      y: 15,
      distance: 0,
    });
    const miss = pointingGame(mapWithPeak(32, 32, 23, 23), 32, 32, box, { tolerance: 0 });
    expect(miss.hit).toBe(false);
    expect(miss.distance).toBeCloseTo(Math.hypot(4, 4), 12);
    expect(pointingGame(mapWithPeak(32, 32, 23, 23), 32, 32, box, { tolerance: 6 }).hit).toBe(true);
  });

  it('scales the 15 px / 224 px default tolerance to the map size', () => {
    // 224×224: 15 px. A peak 15 px right of the box hits, 16 px misses.
    const big = { xMin: 100, yMin: 100, xMax: 120, yMax: 120 };
    expect(pointingGame(mapWithPeak(224, 224, 135, 110), 224, 224, big).hit).toBe(true);
    expect(pointingGame(mapWithPeak(224, 224, 136, 110), 224, 224, big).hit).toBe(false);
    // 64×64: 15·64/224 ≈ 4.29 px. 4 px away hits, 5 px misses.
    expect(pointingGame(mapWithPeak(64, 64, 23, 12), 64, 64, box).hit).toBe(true);
    expect(pointingGame(mapWithPeak(64, 64, 24, 12), 64, 64, box).hit).toBe(false);
  });

  it('uses the mask when given one, and the first maximum on ties', () => {
    const mask = new Uint8Array(8 * 8);
    mask[2 * 8 + 5] = 1; // one object pixel at (5, 2)
    const flat = new Float32Array(64).fill(0.5); // tie everywhere → (0, 0)
    const r = pointingGame(flat, 8, 8, mask, { tolerance: 0 });
    expect([r.x, r.y, r.hit]).toEqual([0, 0, false]);
    expect(r.distance).toBeCloseTo(Math.hypot(5, 2), 12);
    expect(pointingGame(mapWithPeak(8, 8, 5, 2), 8, 8, mask, { tolerance: 0 }).hit).toBe(true);
    expect(() => pointingGame(flat, 8, 8, new Uint8Array(10))).toThrow(/mask has 10 values/);
  });
});
