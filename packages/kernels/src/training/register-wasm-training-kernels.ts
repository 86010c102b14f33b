import type { GradConfig, KernelConfig } from '@tensorflow/tfjs-core';
import { getGradient, registerGradient, unregisterGradient } from '@tensorflow/tfjs-core';
import { avgPoolGradWasmConfig } from './avg-pool-grad-wasm.js';
import { batchMatMulWasmConfig } from './batch-mat-mul-wasm.js';
import { batchNormTrainGradWasmConfig, batchNormTrainWasmConfig } from './batch-norm-train-wasm.js';
import { conv2DBackpropFilterWasmConfig } from './conv2d-backprop-filter-wasm.js';
import { conv2DBackpropInputWasmConfig } from './conv2d-backprop-input-wasm.js';
import { conv2DWithDilationGradConfig } from './conv2d-gradient.js';
import { conv2DWasmConfig, fusedConv2DWasmConfig } from './conv2d-wasm.js';
import { depthwiseConv2dNativeWithDilationGradConfig } from './depthwise-gradient.js';
import { fusedBatchNormWasmConfig } from './fused-batch-norm-wasm.js';
import {
  depthwiseConv2dNativeBackpropFilterWasmConfig,
  depthwiseConv2dNativeBackpropInputWasmConfig,
} from './depthwise-backprop-wasm.js';
import { identityWasmConfig } from './identity-wasm.js';
import { maxPoolGradWasmConfig } from './max-pool-grad-wasm.js';
import { meanWasmConfig, sumWasmConfig } from './reduce-middle-axes-wasm.js';
import { forgetStock, replaceKernels, restoreKernels } from './stock-kernels.js';
import { tileWasmConfig } from './tile-wasm.js';

/** The kernels {@link registerWasmTrainingKernels} installs for 'wasm'. */
export const WASM_TRAINING_KERNELS: readonly KernelConfig[] = [
  conv2DWasmConfig,
  fusedConv2DWasmConfig,
  conv2DBackpropFilterWasmConfig,
  conv2DBackpropInputWasmConfig,
  sumWasmConfig,
  meanWasmConfig,
  maxPoolGradWasmConfig,
  avgPoolGradWasmConfig,
  depthwiseConv2dNativeBackpropFilterWasmConfig,
  depthwiseConv2dNativeBackpropInputWasmConfig,
  tileWasmConfig,
  batchNormTrainWasmConfig,
  batchNormTrainGradWasmConfig,
  identityWasmConfig,
  fusedBatchNormWasmConfig,
  batchMatMulWasmConfig,
];

// The gradients camkit replaces (dilation > 1 on wasm), and tfjs's before them (null: none).
const GRADIENTS: readonly GradConfig[] = [
  conv2DWithDilationGradConfig,
  depthwiseConv2dNativeWithDilationGradConfig,
];
const stockGrads = new Map<string, GradConfig | null>();

/**
 * Registers camkit's `Conv2DBackpropFilter` and `Conv2DBackpropInput` for the 'wasm' backend, so
 * tfjs can train CNNs there (stock tfjs-backend-wasm 4.22 has no filter gradient and a slow input
 * gradient), and `Sum`/`Mean` that reduce leading axes (conv bias gradients, global average
 * pooling) without stock wasm's transpose, delegating other reductions to the stock kernels, and
 * the depthwise-convolution gradients stock wasm lacks (MobileNet, EfficientNet, Xception), and
 * pool gradients that agree with cpu and PyTorch (`MaxPoolGrad`: first maximum of every window;
 * `AvgPoolGrad`: padding not counted, as in the forward pool), and a `Tile` by block copies (tfjs's
 * BatchNorm gradient tiles per-channel values to the input's shape; stock wasm's Tile is per element), and @camkit/core's fused training-mode batch norm, and an `Identity` that shares its input's buffer (tfjs clones what each custom gradient saves; stock wasm copies), and an inference-mode `FusedBatchNorm` in one SIMD pass (stock wasm indexes each per-channel operand per element, ~15× slower), and a `BatchMatMul` that keeps Wᵀ for `a · Wᵀ` (a Dense layer's input gradient; stock wasm's transposed path is ~15× slower).
 * Also replaces the `Conv2D` and `DepthwiseConv2dNative` gradients with ones that are tfjs's for
 * dilation 1 and pass dilation > 1 to these kernels on wasm (tfjs refuses dilated conv gradients); import
 * `@tensorflow/tfjs` (which registers tfjs's gradients) before calling this. Idempotent; call it before or after `tf.setBackend('wasm')`. Does not import the wasm
 * backend itself.
 *
 * @example
 * import '@tensorflow/tfjs-backend-wasm';
 * registerWasmTrainingKernels();
 * await tf.setBackend('wasm');
 * await model.fit(xs, ys); // conv gradients now run on XNNPACK
 */
export function registerWasmTrainingKernels(): void {
  registerConvGradients();
  replaceKernels(WASM_TRAINING_KERNELS);
}

/**
 * The `Conv2D` / `DepthwiseConv2dNative` gradients alone (backend-independent: on wasm they reach
 * camkit's kernels, elsewhere a dilated Conv2D gradient is formed from forward convs). Idempotent.
 */
export function registerConvGradients(): void {
  for (const config of GRADIENTS) {
    const grad = getGradient(config.kernelName);
    if (grad === config) continue;
    if (!stockGrads.has(config.kernelName)) stockGrads.set(config.kernelName, grad ?? null);
    if (grad != null) unregisterGradient(config.kernelName);
    registerGradient(config);
  }
}

/** Restores what {@link registerWasmTrainingKernels} replaced (for benchmarks and tests). */
export function unregisterWasmTrainingKernels(): void {
  for (const config of GRADIENTS) {
    if (getGradient(config.kernelName) !== config) continue;
    unregisterGradient(config.kernelName);
    const stockGrad = stockGrads.get(config.kernelName);
    if (stockGrad != null) registerGradient(stockGrad);
  }
  stockGrads.clear();
  restoreKernels(WASM_TRAINING_KERNELS);
  forgetStock('wasm');
}
