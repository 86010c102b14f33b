import { SYNTHETIC_CLASS_NAMES, type SyntheticDataset, syntheticDataset } from '@camkit/core';
import { CliError } from '../errors.js';

/**
 * `count` seeded synthetic images of `size`×`size` from @camkit/core, using the first `classes`
 * shape classes (default all of them).
 */
export function synthetic(count: number, size: number, seed: number, classes?: number): SyntheticDataset {
  const max = SYNTHETIC_CLASS_NAMES.length;
  if (classes !== undefined && (!Number.isInteger(classes) || classes < 2 || classes > max)) {
    throw new CliError(`--classes must be an integer in 2..${max} for --synthetic, got ${classes}`);
  }
  if (size < 16) throw new CliError(`--input-size must be ≥ 16 for --synthetic, got ${size}`);
  return syntheticDataset({ count, size, seed, classes: SYNTHETIC_CLASS_NAMES.slice(0, classes ?? max) });
}
