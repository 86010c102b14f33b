import type { Rng } from '@camkit/core';

/**
 * Light augmentation of one [H, W, C] image into `out`: a horizontal flip with probability 1/2
 * (when `flip`; off for digits and text, whose mirror image is another symbol) and a random shift
 * of up to `maxShift` pixels each way (a small crop of the edge-padded image). The random draws
 * are the same whichever parts are on, so the sample order of a run does not depend on them.
 */
export function augmentInto(
  src: Float32Array,
  srcOffset: number,
  out: Float32Array,
  outOffset: number,
  h: number,
  w: number,
  c: number,
  rng: Rng,
  maxShift = 2,
  flipAllowed = true,
): void {
  const flip = rng.next() < 0.5 && flipAllowed;
  const dy = rng.int(-maxShift, maxShift);
  const dx = rng.int(-maxShift, maxShift);
  for (let y = 0; y < h; y++) {
    const sy = Math.min(h - 1, Math.max(0, y + dy));
    for (let x = 0; x < w; x++) {
      let sx = Math.min(w - 1, Math.max(0, x + dx));
      if (flip) sx = w - 1 - sx;
      const s = srcOffset + (sy * w + sx) * c;
      const o = outOffset + (y * w + x) * c;
      for (let k = 0; k < c; k++) out[o + k] = src[s + k];
    }
  }
}
