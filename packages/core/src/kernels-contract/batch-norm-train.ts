/**
 * Batch normalisation in training mode over every axis but the last (NHWC convs, Dense), as one
 * kernel pair. Core runs them through `engine().runKernel` when @camkit/kernels registered them for
 * the active backend, and composes tfjs ops otherwise (see `batchNormTrain`).
 */

/** Inputs `{ x, scale, offset }` (x [..., C], scale and offset [C]); outputs `[y, mean, variance]` (biased variance). */
export const BatchNormTrain = 'CamkitBatchNormTrain';
export type BatchNormTrain = typeof BatchNormTrain;

/**
 * Inputs `{ dy, x, scale, mean, variance }` (the forward's statistics); outputs `[dx, dscale, doffset]`,
 * the gradient with the batch statistics' own dependence on x included.
 */
export const BatchNormTrainGrad = 'CamkitBatchNormTrainGrad';
export type BatchNormTrainGrad = typeof BatchNormTrainGrad;

/** Attributes of both kernels. */
export interface BatchNormTrainAttrs {
  varianceEpsilon: number;
}
