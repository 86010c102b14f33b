import { CliError } from '../errors.js';
import { Rng } from '@camkit/core';

/**
 * Seeded stratified split: each class contributes round(n_c × valFraction) items (at least one
 * when it has two or more and valFraction > 0) to validation. Returns index lists.
 */
export function stratifiedSplit(
  labels: ArrayLike<number>,
  valFraction: number,
  seed: number,
): { train: number[]; val: number[] } {
  if (!(valFraction >= 0 && valFraction < 1)) {
    throw new CliError(`--val-split must be in [0, 1), got ${valFraction}`);
  }
  const rng = new Rng(seed);
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    if (!byClass.has(l)) byClass.set(l, []);
    byClass.get(l)!.push(i);
  }
  const train: number[] = [];
  const val: number[] = [];
  for (const key of [...byClass.keys()].sort((a, b) => a - b)) {
    const idx = rng.shuffle(byClass.get(key)!);
    let nVal = Math.round(idx.length * valFraction);
    if (valFraction > 0 && nVal === 0 && idx.length >= 2) nVal = 1;
    val.push(...idx.slice(0, nVal));
    train.push(...idx.slice(nVal));
  }
  return { train: train.sort((a, b) => a - b), val: val.sort((a, b) => a - b) };
}
