import type { Rng } from '@camkit/core';

/**
 * One epoch's sample order. Plain: a seeded shuffle of 0..n−1. Balanced (`--balance`): n draws in
 * which every class comes up equally often (rounds of one draw per class, in a shuffled class
 * order), each class cycling through its own shuffled images, reshuffled when used up — so a
 * minority class is repeated and a majority class is subsampled, and the loss sees each class as
 * often as the others.
 */
export function epochOrder(labels: ArrayLike<number>, rng: Rng, balanced: boolean): number[] {
  const n = labels.length;
  if (!balanced) return rng.shuffle(Array.from({ length: n }, (_, i) => i));
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const list = byClass.get(labels[i]) ?? [];
    list.push(i);
    byClass.set(labels[i], list);
  }
  const classes = [...byClass.keys()].sort((a, b) => a - b);
  const pools = classes.map((c) => rng.shuffle(byClass.get(c)!.slice()));
  const next = classes.map(() => 0);
  const out: number[] = [];
  while (out.length < n) {
    const round = rng.shuffle(classes.map((_, k) => k));
    for (const k of round) {
      if (out.length === n) break;
      if (next[k] === pools[k].length) {
        rng.shuffle(pools[k]);
        next[k] = 0;
      }
      out.push(pools[k][next[k]++]);
    }
  }
  return out;
}
