import { camNet, vggLike } from '@camkit/core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { CliError } from '../errors.js';

export type Arch = 'camnet' | 'vgg-like';
export const ARCHS: readonly Arch[] = ['camnet', 'vgg-like'];

/** What `camkit train` lets a user choose of the architecture beyond its name. */
export interface ModelShapeOptions {
  filters?: number[];
  /** camnet: BatchNormalization after each conv. */
  batchNorm?: boolean;
  /** camnet: dilation rate of each conv (one per filter entry). */
  dilations?: number[];
}

/** Builds the named architecture. */
export function buildModel(
  arch: Arch,
  inputSize: number,
  numClasses: number,
  { filters, batchNorm = false, dilations }: ModelShapeOptions = {},
): tfl.LayersModel {
  if (arch === 'camnet') {
    return camNet({
      inputSize,
      numClasses,
      batchNorm,
      ...(filters ? { filters } : {}),
      ...(dilations ? { dilations } : {}),
    });
  }
  if (batchNorm) throw new CliError('--batch-norm: only --arch camnet has it');
  if (dilations) throw new CliError('--dilations: only --arch camnet has it');
  const blocks = filters ? filters.map((f) => [f, f]) : undefined;
  return vggLike({ inputSize, numClasses, ...(blocks ? { blocks } : {}) });
}
