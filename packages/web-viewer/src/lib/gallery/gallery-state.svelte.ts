import type { ImageEntry } from '@camkit/core';
import { type Correctness, filterImages } from './filter-images.js';
import { moveInGrid } from './grid-nav.js';
import { clampPage, pageCount, pageOf, pageSlice } from './paging.js';

/**
 * Gallery filter, page and keyboard cursor. The image list is read through a getter so the state
 * follows whichever run is open; only the current page is ever rendered (1,000 images stay cheap).
 */
export class GalleryState {
  model = $state('');
  classIndex = $state<number | null>(null);
  classOf = $state<'true' | 'predicted'>('true');
  correctness = $state<Correctness>('all');
  page = $state(0);
  /** Position of the keyboard cursor in `filtered`. */
  cursor = $state(0);
  readonly pageSize: number;

  readonly filtered: number[] = $derived.by(() =>
    filterImages(this.images(), {
      model: this.model,
      classIndex: this.classIndex,
      classOf: this.classOf,
      correctness: this.correctness,
    }),
  );
  readonly pages: number = $derived.by(() => pageCount(this.filtered.length, this.pageSize));
  readonly pageItems: number[] = $derived.by(() => pageSlice(this.filtered, this.page, this.pageSize));

  constructor(
    private readonly images: () => readonly ImageEntry[],
    pageSize = 48,
  ) {
    this.pageSize = pageSize;
  }

  /** Change a filter; the page and cursor go back to the start of the new list. */
  setFilter(f: Partial<Pick<GalleryState, 'model' | 'classIndex' | 'classOf' | 'correctness'>>): void {
    if (f.model !== undefined) this.model = f.model;
    if (f.classIndex !== undefined) this.classIndex = f.classIndex;
    if (f.classOf !== undefined) this.classOf = f.classOf;
    if (f.correctness !== undefined) this.correctness = f.correctness;
    this.page = 0;
    this.cursor = 0;
  }

  goToPage(page: number): void {
    this.page = clampPage(page, this.filtered.length, this.pageSize);
    this.cursor = Math.min(this.page * this.pageSize, Math.max(0, this.filtered.length - 1));
  }

  /** Handle a navigation key; returns the image index now under the cursor, or null if not handled. */
  move(key: string, columns: number): number | null {
    const next = moveInGrid(this.cursor, key, columns, this.filtered.length, this.pageSize);
    if (next === null) return null;
    this.cursor = next;
    this.page = pageOf(next, this.pageSize);
    return this.filtered[next];
  }

  /** Put the cursor on an image (e.g. after a click). */
  focusImage(imageIndex: number): void {
    const pos = this.filtered.indexOf(imageIndex);
    if (pos < 0) return;
    this.cursor = pos;
    this.page = pageOf(pos, this.pageSize);
  }
}
