import { ImageEntrySchema } from '@camkit/core';
import { describe, expect, it } from 'vitest';
import { tinyManifest } from '../run/test-manifest.js';
import { GalleryState } from './gallery-state.svelte.js';

const four = tinyManifest.images.map((i) => ImageEntrySchema.parse(i));
// 1,000 images cycling a, b, c, d: 250 of each, correct ones are a and c.
const many = Array.from({ length: 1000 }, (_, k) => four[k % 4]);

describe('GalleryState', () => {
  it('pages a 1,000-image run and follows filters', () => {
    const g = new GalleryState(() => many, 48);
    g.setFilter({ model: 'camnet' });
    expect(g.filtered).toHaveLength(1000);
    expect(g.pages).toBe(21);
    expect(g.pageItems).toHaveLength(48);
    g.goToPage(20);
    expect(g.pageItems).toEqual(Array.from({ length: 40 }, (_, k) => 960 + k));
    g.setFilter({ correctness: 'incorrect' });
    expect(g.page).toBe(0);
    expect(g.filtered).toHaveLength(250);
    expect(g.filtered.slice(0, 3)).toEqual([1, 5, 9]);
  });

  it('moves the cursor with keys across pages', () => {
    const g = new GalleryState(() => many, 8);
    g.setFilter({ model: 'camnet', classIndex: 2, classOf: 'predicted' });
    // b and c predict class 2: images 1, 2, 5, 6, 9, 10, ...
    expect(g.filtered.slice(0, 4)).toEqual([1, 2, 5, 6]);
    expect(g.move('ArrowRight', 4)).toBe(2);
    expect(g.move('ArrowDown', 4)).toBe(10);
    expect(g.move('PageDown', 4)).toBe(g.filtered[13]);
    expect(g.page).toBe(1);
    expect(g.move('Home', 4)).toBe(1);
    expect(g.page).toBe(0);
    expect(g.move('x', 4)).toBeNull();
  });

  it('focuses a clicked image and ignores filtered-out ones', () => {
    const g = new GalleryState(() => many, 8);
    g.setFilter({ model: 'camnet', correctness: 'correct' });
    g.focusImage(22); // c at 22 is correct: position 11 (a, c pairs)
    expect(g.cursor).toBe(11);
    expect(g.page).toBe(1);
    g.focusImage(1); // b is incorrect: not in the list
    expect(g.cursor).toBe(11);
  });
});
