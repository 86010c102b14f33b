import type { ImageEntry, OutputEntry } from '@camkit/core';

/**
 * The side-by-side set: one output per model × method of an image, at `classIndex` where it
 * exists, else at that model's predicted class, else the first one.
 */
export function comparePairs(
  outputs: readonly OutputEntry[],
  classIndex: number | undefined,
  predictions: ImageEntry['predictions'],
): OutputEntry[] {
  const score = (x: OutputEntry) =>
    x.classIndex === classIndex ? 2 : x.classIndex === predictions[x.model]?.predicted ? 1 : 0;
  const pairs = new Map<string, OutputEntry>();
  for (const o of outputs) {
    const key = `${o.model}\u0000${o.method}`;
    const have = pairs.get(key);
    if (!have || score(o) > score(have)) pairs.set(key, o);
  }
  return [...pairs.values()];
}
