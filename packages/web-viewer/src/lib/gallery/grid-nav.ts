/**
 * Keyboard movement in a grid of `count` cells laid out `columns` wide. Returns the new position,
 * or null when the key is not a navigation key (so the caller lets the browser handle it).
 */
export function moveInGrid(
  position: number,
  key: string,
  columns: number,
  count: number,
  pageSize: number,
): number | null {
  if (count === 0) return null;
  const cols = Math.max(1, columns);
  let next: number;
  switch (key) {
    case 'ArrowRight':
      next = position + 1;
      break;
    case 'ArrowLeft':
      next = position - 1;
      break;
    case 'ArrowDown':
      next = position + cols;
      break;
    case 'ArrowUp':
      next = position - cols;
      break;
    case 'PageDown':
      next = position + pageSize;
      break;
    case 'PageUp':
      next = position - pageSize;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = count - 1;
      break;
    default:
      return null;
  }
  return Math.min(Math.max(0, next), count - 1);
}
