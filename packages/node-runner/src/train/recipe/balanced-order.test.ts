import { describe, expect, it } from 'vitest';
import { Rng } from '@camkit/core';
import { epochOrder } from './balanced-order.js';

describe('epochOrder', () => {
  // 90 images of class 0, 8 of class 1, 2 of class 2.
  const labels = [...new Array(90).fill(0), ...new Array(8).fill(1), 2, 2];

  it('plain: a permutation of every index', () => {
    const o = epochOrder(labels, new Rng(1), false);
    expect([...o].sort((a, b) => a - b)).toEqual(labels.map((_, i) => i));
  });

  it('balanced: n draws, each class ⌊n/K⌋ or ⌈n/K⌉ times, every draw of the right class', () => {
    const o = epochOrder(labels, new Rng(1), true);
    expect(o).toHaveLength(100);
    const counts = [0, 0, 0];
    for (const i of o) counts[labels[i]]++;
    for (const c of counts) expect([33, 34]).toContain(c);
    // The minority classes cycle through all their images before repeating one.
    const firstTwoOf2 = o.filter((i) => labels[i] === 2).slice(0, 2);
    expect(new Set(firstTwoOf2).size).toBe(2);
    const first8Of1 = o.filter((i) => labels[i] === 1).slice(0, 8);
    expect(new Set(first8Of1).size).toBe(8);
  });

  it('is reproducible from the seed', () => {
    expect(epochOrder(labels, new Rng(5), true)).toEqual(epochOrder(labels, new Rng(5), true));
    expect(epochOrder(labels, new Rng(5), true)).not.toEqual(epochOrder(labels, new Rng(6), true));
  });
});
