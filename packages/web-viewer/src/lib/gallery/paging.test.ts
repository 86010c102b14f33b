import { describe, expect, it } from 'vitest';
import { moveInGrid } from './grid-nav.js';
import { clampPage, pageCount, pageOf, pageSlice } from './paging.js';

describe('paging', () => {
  const items = Array.from({ length: 1000 }, (_, i) => i);
  it('splits 1,000 items into pages of 48', () => {
    expect(pageCount(1000, 48)).toBe(21); // 20 full pages + 40 left over
    expect(pageSlice(items, 0, 48)).toEqual(items.slice(0, 48));
    expect(pageSlice(items, 20, 48)).toEqual(items.slice(960));
    expect(pageSlice(items, 20, 48)).toHaveLength(40);
  });
  it('clamps out-of-range pages and keeps one page when empty', () => {
    expect(pageCount(0, 48)).toBe(1);
    expect(pageSlice([], 3, 48)).toEqual([]);
    expect(clampPage(99, 1000, 48)).toBe(20);
    expect(clampPage(-2, 1000, 48)).toBe(0);
    expect(pageSlice(items, 99, 48)[0]).toBe(960);
  });
  it('finds the page of a position', () => {
    expect(pageOf(0, 48)).toBe(0);
    expect(pageOf(47, 48)).toBe(0);
    expect(pageOf(48, 48)).toBe(1);
    expect(pageOf(999, 48)).toBe(20);
  });
});

describe('moveInGrid', () => {
  // 10 cells, 4 columns: rows [0..3] [4..7] [8, 9]
  it('moves by one, by a row, and clamps at the ends', () => {
    expect(moveInGrid(5, 'ArrowRight', 4, 10, 8)).toBe(6);
    expect(moveInGrid(5, 'ArrowLeft', 4, 10, 8)).toBe(4);
    expect(moveInGrid(5, 'ArrowDown', 4, 10, 8)).toBe(9);
    expect(moveInGrid(7, 'ArrowDown', 4, 10, 8)).toBe(9);
    expect(moveInGrid(1, 'ArrowUp', 4, 10, 8)).toBe(0);
    expect(moveInGrid(0, 'ArrowLeft', 4, 10, 8)).toBe(0);
    expect(moveInGrid(9, 'ArrowRight', 4, 10, 8)).toBe(9);
  });
  it('jumps by a page and to the ends', () => {
    expect(moveInGrid(1, 'PageDown', 4, 10, 8)).toBe(9);
    expect(moveInGrid(9, 'PageUp', 4, 10, 8)).toBe(1);
    expect(moveInGrid(5, 'Home', 4, 10, 8)).toBe(0);
    expect(moveInGrid(5, 'End', 4, 10, 8)).toBe(9);
  });
  it('ignores other keys and empty grids', () => {
    expect(moveInGrid(5, 'a', 4, 10, 8)).toBeNull();
    expect(moveInGrid(0, 'ArrowRight', 4, 0, 8)).toBeNull();
  });
});
