// training: the kernels tfjs-backend-wasm lacks for training CNNs. Re-exported by src/index.ts.
export { avgPoolGradCpuConfig } from './avg-pool-grad-cpu.js';
export { avgPoolGradWasmConfig } from './avg-pool-grad-wasm.js';
export { batchNormTrainGradWasmConfig, batchNormTrainWasmConfig } from './batch-norm-train-wasm.js';
export type { ConvBackpropAttrs } from './conv-geometry.js';
export { conv2DBackpropFilterWasmConfig } from './conv2d-backprop-filter-wasm.js';
export { conv2DBackpropInputWasmConfig } from './conv2d-backprop-input-wasm.js';
export { conv2DWithDilationGradConfig } from './conv2d-gradient.js';
export { conv2DWasmConfig, fusedConv2DWasmConfig } from './conv2d-wasm.js';
export {
  depthwiseConv2dNativeBackpropFilterWasmConfig,
  depthwiseConv2dNativeBackpropInputWasmConfig,
} from './depthwise-backprop-wasm.js';
export { depthwiseConv2dNativeWithDilationGradConfig } from './depthwise-gradient.js';
export { maxPoolGradWasmConfig } from './max-pool-grad-wasm.js';
export { avgPoolGradImpl, maxPoolGradImpl, type PoolGradAttrs } from './pool-grad-impl.js';
export { meanWasmConfig, sumWasmConfig } from './reduce-middle-axes-wasm.js';
export { CPU_TRAINING_KERNELS, registerTrainingKernels } from './register-training-kernels.js';
export { tileWasmConfig } from './tile-wasm.js';
export {
  registerWasmTrainingKernels,
  unregisterWasmTrainingKernels,
  WASM_TRAINING_KERNELS,
} from './register-wasm-training-kernels.js';
export { relaxedSimdInUse, relaxedSimdSupported, useRelaxedSimd } from './simd/instantiate.js';
export { useLargeWinogradTiles, winogradTileFor } from './simd/winograd-conv.js';
