import { readFileSync } from 'node:fs';
import { parseNpy } from '@camkit/core';
import { describe, expect, it } from 'vitest';
import { CAM_CASES } from '../../test/cam-cases.js';
import { camAttrs, countNaN, drawInputs, maxRelErr } from '../../test/cam-helpers.js';
import { camReferenceF64 } from '../../test/cam-reference-f64.js';
import { camFuseImpl } from './cam-fuse-impl.js';

const fixture = (rel: string) => {
  const npy = parseNpy(readFileSync(new URL(`../../test/fixtures/${rel}`, import.meta.url)));
  return npy.data as Float32Array;
};

describe('camFuseImpl', () => {
  it.each(CAM_CASES)('$name: writes every element of a NaN-filled output, matches float64 loops', (cs) => {
    const { features, weights, wShape } = drawInputs(cs);
    const attrs = camAttrs(cs);
    const out = new Float32Array(cs.n * cs.c * cs.outH * cs.outW).fill(Number.NaN);
    camFuseImpl(features, [cs.n, cs.h, cs.w, cs.k], weights, wShape, attrs, out);
    expect(countNaN(out)).toBe(0);
    const ref = camReferenceF64(features, weights, cs, { outH: cs.outH, outW: cs.outW, ...attrs });
    expect(maxRelErr(out, ref)).toBeLessThan(1e-5);
  });

  // pytorch-grad-cam's own output for a trained net (shared fixtures, copied into test/fixtures):
  // cam = sum_k alpha_k A_k with the library's alpha, then its scale_cam_image (cv2 resize 12 -> 24).
  it.each([
    ['img00_ring', 0],
    ['img02_triangle', 1],
  ])('reproduces pytorch-grad-cam gray map for %s class %i', (image, k) => {
    const act = fixture(`${image}/c3.activations.npy`); // [12, 12, 16]
    const alpha = fixture(`${image}/c${k}.alpha.npy`); // [16]
    const gray = fixture(`${image}/c${k}.gray.npy`); // [24, 24]
    const out = camFuseImpl(act, [1, 12, 12, 16], alpha, [16, 1], {
      outSize: [24, 24],
      relu: true,
      normalize: true,
      halfPixel: true,
    });
    let err = 0;
    for (let i = 0; i < gray.length; i++)
      err = Math.max(err, Math.abs((out[i] as number) - (gray[i] as number)));
    expect(err).toBeLessThan(1e-4);
  });
});
