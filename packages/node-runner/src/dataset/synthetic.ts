import type { Box } from '@camkit/core';
import * as core from '@camkit/core';
import { CliError } from '../errors.js';

/** The embedded synthetic shapes dataset from @camkit/core, as the CLI uses it. */
export interface SyntheticSet {
  images: Float32Array;
  labels: Int32Array;
  boxes: Box[];
  masks: Uint8Array[];
  classNames: string[];
  size: number;
}

/** Generates `count` seeded synthetic images of `size`×`size` with `classes` classes. */
export function synthetic(count: number, size: number, seed: number, classes?: number): SyntheticSet {
  const gen = (core as Record<string, unknown>).syntheticDataset as
    | ((o: { count: number; size?: number; seed?: number; classes?: number }) => SyntheticSet)
    | undefined;
  if (typeof gen !== 'function')
    throw new CliError('--synthetic: this build of @camkit/core has no syntheticDataset');
  if (classes !== undefined && (!Number.isInteger(classes) || classes < 2)) {
    throw new CliError(`--classes must be an integer ≥ 2, got ${classes}`);
  }
  return gen({ count, size, seed, ...(classes !== undefined ? { classes } : {}) });
}
