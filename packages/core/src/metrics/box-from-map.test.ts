import { describe, expect, it } from 'vitest';
import { syntheticSample } from '../data/synthetic-sample.js';
import { CamkitError } from '../errors.js';
import { boxFromMap } from './box-from-map.js';
import { iou } from './iou.js';

// 6×8 map drawn by hand: a big blob (values ≥ 0.5) and a single hot pixel far away.
// biome-ignore format: the grid is the test
const MAP = [
  0,   0,   0,   0,   0,   0,   0,   1.0,
  0,   0.6, 0.7, 0,   0,   0,   0,   0,
  0,   0.5, 0.9, 0.8, 0,   0,   0,   0,
  0,   0,   0.6, 0.5, 0.1, 0,   0,   0,
  0,   0,   0,   0,   0,   0,   0,   0,
  0,   0,   0,   0,   0,   0.3, 0,   0,
];

describe('boxFromMap', () => {
  it('boxes the largest connected component above fraction × max', () => {
    // threshold 0.2: blob (8 px) + hot pixel + 0.3 pixel; the blob is largest.
    expect(boxFromMap(MAP, 6, 8, 0.2)).toEqual({ xMin: 1, yMin: 1, xMax: 3, yMax: 3 });
    // threshold 0.05 adds (3,4)=0.1 to the blob.
    expect(boxFromMap(MAP, 6, 8, 0.05)).toEqual({ xMin: 1, yMin: 1, xMax: 4, yMax: 3 });
    // threshold 0.95: only the hot pixel survives.
    expect(boxFromMap(MAP, 6, 8, 0.95)).toEqual({ xMin: 7, yMin: 0, xMax: 7, yMax: 0 });
  });

  it('joins diagonal neighbours (8-connectivity)', () => {
    // biome-ignore format: the grid is the test
    const diag = [
      1, 0, 0,
      0, 1, 0,
      0, 0, 1,
    ];
    expect(boxFromMap(diag, 3, 3, 0.5)).toEqual({ xMin: 0, yMin: 0, xMax: 2, yMax: 2 });
  });

  it('returns null for a map with no positive value and checks the size', () => {
    expect(boxFromMap(new Float32Array(12), 3, 4, 0.15)).toBeNull();
    expect(() => boxFromMap(MAP, 5, 8, 0.2)).toThrow(CamkitError);
  });
});

describe('boxFromMap on the synthetic set', () => {
  it('recovers the ground-truth box when the map is the object mask', () => {
    for (let i = 0; i < 24; i++) {
      const s = syntheticSample(i, { size: 32, seed: 21 });
      // Every shape is one 8-connected component, so its box is the mask's box.
      expect(boxFromMap(s.mask, 32, 32, 0.5)).toEqual(s.box);
      expect(iou(boxFromMap(s.mask, 32, 32, 0.5)!, s.box)).toBe(1);
    }
  });
});
