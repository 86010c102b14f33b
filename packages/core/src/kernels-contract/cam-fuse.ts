/**
 * The contract between @camkit/core and @camkit/kernels. Core never imports kernels: it asks the
 * tfjs kernel registry whether a kernel of this name is registered for the active backend and,
 * if so, runs it through `engine().runKernel`. @camkit/kernels imports these names and types.
 */

/** Fused weighted feature-map sum + ReLU + min-max + bilinear resize. Output: maps [N, C, H, W] float32. */
export const CamFuse = 'CamkitCamFuse';
export type CamFuse = typeof CamFuse;

/** Inputs: features [N, h, w, K] float32; weights [N, K, C] or [K, C] float32. */
export type CamFuseInputs = { features: unknown; weights: unknown };

export interface CamFuseAttrs {
  /** Output size [H, W]. */
  outSize: [number, number];
  /** ReLU on the weighted sum before normalisation (and again after the resize). */
  relu: boolean;
  /** Min-max normalise, (x - min) / (max - min + 1e-7), before and after the resize. */
  normalize: boolean;
  /** Bilinear resize with half-pixel centres (OpenCV INTER_LINEAR) when true; align-corners=false otherwise. */
  halfPixel: boolean;
}

/** Grad-CAM channel weights: spatial mean of gradients, [N, h, w, K] -> [N, K]. */
export const GradcamWeights = 'CamkitGradcamWeights';
export type GradcamWeights = typeof GradcamWeights;

/** Grad-CAM++ channel weights (pytorch-grad-cam variant): inputs `{ grads, activations }`, both [N, h, w, K] -> [N, K]. */
export const GradcamPlusPlusWeights = 'CamkitGradcamPlusPlusWeights';
export type GradcamPlusPlusWeights = typeof GradcamPlusPlusWeights;
