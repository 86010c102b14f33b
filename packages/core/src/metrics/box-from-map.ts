import type { Box } from '../manifest/schema.js';
import { checkMap } from './check-map.js';

/**
 * Bounding box of a saliency map, as the CAM paper (Zhou et al. 2016) localises: keep the pixels
 * whose value is at least `fraction × max(map)` (0.2 in CAM, 0.15 in Grad-CAM), then take the box
 * of the LARGEST 8-connected component of them (what OpenCV contours find), not of all of them, so
 * a stray hot pixel does not stretch the box. Ties go to the component found first in row-major order.
 *
 * @param map row-major [h, w] map
 * @returns inclusive box, or null when the map has no positive value
 */
export function boxFromMap(map: ArrayLike<number>, h: number, w: number, fraction = 0.15): Box | null {
  checkMap(map, h, w, 'boxFromMap');
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < map.length; i++) if (map[i] > max) max = map[i];
  if (!(max > 0)) return null;
  const threshold = fraction * max;
  const label = new Int32Array(h * w); // 0 = unvisited
  const stack: number[] = [];
  let best: Box | null = null;
  let bestSize = 0;
  let next = 0;
  for (let start = 0; start < h * w; start++) {
    if (label[start] !== 0 || !(map[start] >= threshold)) continue;
    next++;
    label[start] = next;
    stack.push(start);
    let size = 0;
    const box = { xMin: w, yMin: h, xMax: -1, yMax: -1 };
    while (stack.length > 0) {
      const p = stack.pop()!;
      const y = Math.floor(p / w);
      const x = p - y * w;
      size++;
      if (x < box.xMin) box.xMin = x;
      if (x > box.xMax) box.xMax = x;
      if (y < box.yMin) box.yMin = y;
      if (y > box.yMax) box.yMax = y;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const ny = y + dy;
          const nx = x + dx;
          if (ny < 0 || ny >= h || nx < 0 || nx >= w) continue;
          const q = ny * w + nx;
          if (label[q] === 0 && map[q] >= threshold) {
            label[q] = next;
            stack.push(q);
          }
        }
      }
    }
    if (size > bestSize) {
      bestSize = size;
      best = box;
    }
  }
  return best;
}
