import type { Box } from '../manifest/schema.js';

/** Pixel area of an inclusive box (0 when empty). */
export function boxArea(b: Box): number {
  return Math.max(0, b.xMax - b.xMin + 1) * Math.max(0, b.yMax - b.yMin + 1);
}

/**
 * Intersection over union of two boxes with inclusive pixel bounds (a box from `xMin` to `xMax`
 * covers `xMax - xMin + 1` columns), as the ImageNet localisation evaluation counts them.
 */
export function iou(a: Box, b: Box): number {
  const inter = boxArea({
    xMin: Math.max(a.xMin, b.xMin),
    yMin: Math.max(a.yMin, b.yMin),
    xMax: Math.min(a.xMax, b.xMax),
    yMax: Math.min(a.yMax, b.yMax),
  });
  const union = boxArea(a) + boxArea(b) - inter;
  return union > 0 ? inter / union : 0;
}
