import type { Rng } from './prng.js';

/**
 * A shape as an inside test on pixel centres (x = column + 0.5, y = row + 0.5), with the extent it
 * may cover so the painter only visits those pixels.
 */
export interface ShapeMask {
  inside(x: number, y: number): boolean;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Draws the geometry of one class inside the square [cx ± s/2, cy ± s/2]. */
export type ShapeFactory = (cx: number, cy: number, s: number, rng: Rng) => ShapeMask;

function square(cx: number, cy: number, s: number, inside: ShapeMask['inside']): ShapeMask {
  return { inside, x0: cx - s / 2, y0: cy - s / 2, x1: cx + s / 2, y1: cy + s / 2 };
}

/** Hollow annulus: curved thin band, the only class without straight edges. */
export const ring: ShapeFactory = (cx, cy, s, rng) => {
  const outer = s / 2;
  const inner = outer - Math.max(2, outer * rng.uniform(0.28, 0.42));
  return square(cx, cy, s, (x, y) => {
    const d = Math.hypot(x - cx, y - cy);
    return d <= outer && d >= inner;
  });
};

/** Filled isosceles triangle, apex up or down: diagonal edges and sharp corners. */
export const triangle: ShapeFactory = (cx, cy, s, rng) => {
  const h = s * rng.uniform(0.8, 1);
  const up = rng.next() < 0.5;
  const top = cy - h / 2;
  return square(cx, cy, s, (x, y) => {
    const t = (y - top) / h; // 0 at the top edge, 1 at the bottom
    if (t < 0 || t > 1) return false;
    const half = (s / 2) * (up ? t : 1 - t);
    return Math.abs(x - cx) <= half;
  });
};

/** Filled wide rectangle: long horizontal edges only. */
export const horizontalBar: ShapeFactory = (cx, cy, s, rng) => {
  const hh = (s * rng.uniform(0.22, 0.32)) / 2;
  return square(cx, cy, s, (x, y) => Math.abs(x - cx) <= s / 2 && Math.abs(y - cy) <= hh);
};

/** Plus sign with thin arms: vertical and horizontal bands meeting at a centre. */
export const cross: ShapeFactory = (cx, cy, s, rng) => {
  const arm = Math.max(1.5, (s * rng.uniform(0.16, 0.24)) / 2);
  return square(cx, cy, s, (x, y) => {
    const dx = Math.abs(x - cx);
    const dy = Math.abs(y - cy);
    return (dx <= arm && dy <= s / 2) || (dy <= arm && dx <= s / 2);
  });
};
