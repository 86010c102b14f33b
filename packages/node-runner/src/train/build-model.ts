import { camNet, vggLike } from '@camkit/core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { CliError } from '../errors.js';

export type Arch = 'camnet' | 'vgg-like';
export const ARCHS: readonly Arch[] = ['camnet', 'vgg-like'];

/** Builds the named architecture. */
export function buildModel(
  arch: Arch,
  inputSize: number,
  numClasses: number,
  filters?: number[],
  batchNorm = false,
): tfl.LayersModel {
  if (arch === 'camnet') return camNet({ inputSize, numClasses, batchNorm, ...(filters ? { filters } : {}) });
  if (batchNorm) throw new CliError('--batch-norm: only --arch camnet has it');
  const blocks = filters ? filters.map((f) => [f, f]) : undefined;
  return vggLike({ inputSize, numClasses, ...(blocks ? { blocks } : {}) });
}
