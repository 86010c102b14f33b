/** Number of pages for `count` items (at least 1, so an empty gallery still has page 0). */
export function pageCount(count: number, pageSize: number): number {
  return Math.max(1, Math.ceil(count / pageSize));
}

/** Clamp a page number into [0, pageCount). */
export function clampPage(page: number, count: number, pageSize: number): number {
  return Math.min(Math.max(0, Math.floor(page)), pageCount(count, pageSize) - 1);
}

/** The items on `page` (0-based). */
export function pageSlice<T>(items: readonly T[], page: number, pageSize: number): T[] {
  const p = clampPage(page, items.length, pageSize);
  return items.slice(p * pageSize, (p + 1) * pageSize);
}

/** The page that shows position `position`. */
export function pageOf(position: number, pageSize: number): number {
  return Math.floor(position / pageSize);
}
