import type { CamShape } from '../src/cam/validate.js';

/** A benchmarked CamFuse problem. */
export interface BenchShape extends CamShape {
  name: string;
}

export const SMALL_SHAPES: BenchShape[] = [
  { name: 'N=4 7x7x64 -> 56x56, C=1', n: 4, h: 7, w: 7, k: 64, c: 1, outH: 56, outW: 56 },
  { name: 'N=4 14x14x128 -> 112x112, C=10', n: 4, h: 14, w: 14, k: 128, c: 10, outH: 112, outW: 112 },
];

/** The issue's shapes. C=1000 at N=32 is a 6.4 GB output; `maxBatch` lowers N to what fits. */
export const ISSUE_SHAPES: BenchShape[] = [
  { name: 'N=32 14x14x512 -> 224x224, C=1', n: 32, h: 14, w: 14, k: 512, c: 1, outH: 224, outW: 224 },
  { name: 'N=32 14x14x512 -> 224x224, C=1000', n: 32, h: 14, w: 14, k: 512, c: 1000, outH: 224, outW: 224 },
];

/** Bytes the fused op must move at least: read features and weights once, write the output once. */
export function fusedBytes(s: BenchShape): number {
  return 4 * (s.n * s.h * s.w * s.k + s.n * s.k * s.c + s.n * s.c * s.outH * s.outW);
}

/**
 * Bytes the stock op chain moves (reads + writes of each op's tensors), with O the output size and
 * S the low-res sums: matMul (F + W + S), relu (2S), min + max (2S), sub, add, div (~5S), resize
 * (S + O), relu (2O), min + max (2O), sub (2O), div (2O), transpose (2O).
 */
export function chainBytes(s: BenchShape): number {
  const f = s.n * s.h * s.w * s.k;
  const w = s.n * s.k * s.c;
  const low = s.n * s.h * s.w * s.c;
  const out = s.n * s.c * s.outH * s.outW;
  return (
    4 *
    (f + w + low + 2 * low + 2 * low + 5 * low + low + out + 2 * out + 2 * out + 2 * out + 2 * out + 2 * out)
  );
}

/** Multiply-adds of the weighted sum. */
export function fusedFlops(s: BenchShape): number {
  return 2 * s.n * s.h * s.w * s.k * s.c;
}
