// Fused class-activation-map ops: names, ops, per-backend kernels, registration.

export {
  camFuseCpuConfig,
  gradcamPlusPlusWeightsCpuConfig,
  gradcamWeightsCpuConfig,
} from './backends/cpu.js';
export {
  camFuseTensorflowConfig,
  gradcamWeightsTensorflowConfig,
  registerTensorflowKernels,
  TENSORFLOW_PACKAGES,
  type TensorflowRegistration,
} from './backends/tensorflow.js';
export {
  camFuseWasmConfig,
  gradcamPlusPlusWeightsWasmConfig,
  gradcamWeightsWasmConfig,
} from './backends/wasm.js';
export { type CamFuseOptions, camFuse } from './cam-fuse.js';
export {
  type CamFuseImplAttrs,
  camFuseImpl,
  camPostImpl,
  weightedSumImpl,
} from './cam-fuse-impl.js';
export { camFuseOpChain } from './cam-fuse-op-chain.js';
export { GRADCAM_PP_EPS, gradcamPlusPlusWeightsImpl, gradcamWeightsImpl } from './gradcam-weights-impl.js';
export { camFuseGradConfig, gradcamWeightsGradConfig } from './gradients.js';
export {
  CamFuse,
  type CamFuseAttrs,
  type CamFuseKernelAttrs,
  type CamFuseKernelInputs,
  GradcamPlusPlusWeights,
  type GradcamPlusPlusWeightsInputs,
  GradcamWeights,
  type GradcamWeightsInputs,
} from './kernel-names.js';
export { registerCamkitKernels } from './register.js';
