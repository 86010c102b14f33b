import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import { kernelConfig } from '../../kernel-config.js';
import type {
  CamFuseKernelAttrs,
  CamFuseKernelInputs,
  GradcamPlusPlusWeightsInputs,
  GradcamWeightsInputs,
} from '../kernel-names.js';
import { CamFuse, GradcamPlusPlusWeights, GradcamWeights } from '../kernel-names.js';

/** What a CamFuse kernel receives on backend B. */
export interface CamFuseArgs<B> {
  inputs: CamFuseKernelInputs;
  backend: B;
  attrs: CamFuseKernelAttrs;
}

/** What a GradcamWeights kernel receives on backend B. */
export interface GradcamWeightsArgs<B> {
  inputs: GradcamWeightsInputs;
  backend: B;
}

/** What a GradcamPlusPlusWeights kernel receives on backend B. */
export interface GradcamPlusPlusWeightsArgs<B> {
  inputs: GradcamPlusPlusWeightsInputs;
  backend: B;
}

/**
 * The KernelConfigs of the three CAM kernels on `backendName`, in the order CamFuse,
 * GradcamWeights, GradcamPlusPlusWeights; each function typed with its own inputs and backend view.
 */
export function camKernelConfigs<B>(
  backendName: string,
  camFuse: (args: CamFuseArgs<B>) => TensorInfo,
  gradcamWeights: (args: GradcamWeightsArgs<B>) => TensorInfo,
  gradcamPlusPlusWeights: (args: GradcamPlusPlusWeightsArgs<B>) => TensorInfo,
): [KernelConfig, KernelConfig, KernelConfig] {
  return [
    kernelConfig(CamFuse, backendName, camFuse),
    kernelConfig(GradcamWeights, backendName, gradcamWeights),
    kernelConfig(GradcamPlusPlusWeights, backendName, gradcamPlusPlusWeights),
  ];
}
