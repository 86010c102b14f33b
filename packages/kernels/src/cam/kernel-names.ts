import type { CamFuseAttrs } from '@camkit/core';
import { CamFuse, GradcamPlusPlusWeights, GradcamWeights } from '@camkit/core';
import type { NamedAttrMap, TensorInfo } from '@tensorflow/tfjs-core';

export type { CamFuseAttrs };
// The names core looks up come from core's contract, so a rename there is a compile error here.
export { CamFuse, GradcamPlusPlusWeights, GradcamWeights };

/** Inputs of {@link CamFuse}: features [N, h, w, K], weights [N, K, C] or [K, C] (all float32). */
export type CamFuseKernelInputs = { features: TensorInfo; weights: TensorInfo };
/** Attributes of {@link CamFuse} as the kernel registry sees them. */
export type CamFuseKernelAttrs = CamFuseAttrs & NamedAttrMap;

/** Inputs of {@link GradcamWeights}: grads [N, h, w, K]. */
export type GradcamWeightsInputs = { grads: TensorInfo };

/** Inputs of {@link GradcamPlusPlusWeights}: grads and activations, both [N, h, w, K]. */
export type GradcamPlusPlusWeightsInputs = { grads: TensorInfo; activations: TensorInfo };
