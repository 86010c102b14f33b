import type { Box } from '@camkit/core';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where an image-space box falls on a view of the image drawn `viewW`×`viewH`. Box corners are
 * inclusive pixel indices, so the box covers pixels xMin..xMax: its width is xMax - xMin + 1.
 */
export function boxToRect(box: Box, imageW: number, imageH: number, viewW: number, viewH: number): Rect {
  const sx = viewW / imageW;
  const sy = viewH / imageH;
  return {
    x: box.xMin * sx,
    y: box.yMin * sy,
    width: (box.xMax - box.xMin + 1) * sx,
    height: (box.yMax - box.yMin + 1) * sy,
  };
}

/**
 * Rescale a box found on a map of size mapW×mapH to image pixels (maps are normally saved at the
 * input resolution, which may differ from the original image's).
 */
export function rescaleBox(box: Box, mapW: number, mapH: number, imageW: number, imageH: number): Box {
  const sx = imageW / mapW;
  const sy = imageH / mapH;
  return {
    xMin: Math.floor(box.xMin * sx),
    yMin: Math.floor(box.yMin * sy),
    xMax: Math.min(imageW - 1, Math.ceil((box.xMax + 1) * sx) - 1),
    yMax: Math.min(imageH - 1, Math.ceil((box.yMax + 1) * sy) - 1),
  };
}
