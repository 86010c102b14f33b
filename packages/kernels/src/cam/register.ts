import {
  findBackend,
  findBackendFactory,
  type GradConfig,
  getGradient,
  getKernel,
  type KernelConfig,
  registerGradient,
  registerKernel,
} from '@tensorflow/tfjs-core';
import {
  camFuseCpuConfig,
  gradcamPlusPlusWeightsCpuConfig,
  gradcamWeightsCpuConfig,
} from './backends/cpu.js';
import { registerTensorflowConfigs } from './backends/tensorflow.js';
import {
  camFuseWasmConfig,
  gradcamPlusPlusWeightsWasmConfig,
  gradcamWeightsWasmConfig,
} from './backends/wasm.js';
import { registerTrainingKernels } from '../training/register-training-kernels.js';
import { camFuseGradConfig, gradcamWeightsGradConfig } from './gradients.js';

function registerOnce(configs: readonly KernelConfig[]): void {
  for (const config of configs) {
    if (!getKernel(config.kernelName, config.backendName)) registerKernel(config);
  }
}

function registerGradientOnce(configs: readonly GradConfig[]): void {
  for (const config of configs) {
    if (!getGradient(config.kernelName)) registerGradient(config);
  }
}

const hasBackend = (name: string) => findBackendFactory(name) != null || findBackend(name) != null;

/**
 * Registers the fused CAM kernels (CamFuse, GradcamWeights, GradcamPlusPlusWeights) and their
 * gradients for every backend present: cpu and wasm always (registering needs neither package),
 * webgpu when tfjs-backend-webgpu has registered its backend (its WGSL programs are loaded only
 * then, so importing this package never pulls in WebGPU), tensorflow when tfjs-node is loaded
 * (see registerTensorflowKernels to load it). Also registers camkit's gradient kernels for cpu,
 * wasm and webgpu (depthwise-conv and pool gradients; see `registerTrainingKernels`), so models
 * built from depthwise convs and pools explain and train on every backend. Idempotent; call it
 * again after adding a backend.
 *
 * @returns the backends that have the kernels afterwards.
 */
export async function registerCamkitKernels(): Promise<string[]> {
  registerGradientOnce([gradcamWeightsGradConfig, camFuseGradConfig]);
  registerOnce([camFuseCpuConfig, gradcamWeightsCpuConfig, gradcamPlusPlusWeightsCpuConfig]);
  registerOnce([camFuseWasmConfig, gradcamWeightsWasmConfig, gradcamPlusPlusWeightsWasmConfig]);
  const backends = ['cpu', 'wasm'];
  if (hasBackend('webgpu')) {
    const { webgpuKernelConfigs } = await import('./backends/webgpu/index.js');
    registerOnce(webgpuKernelConfigs);
    backends.push('webgpu');
  }
  await registerTrainingKernels();
  if (registerTensorflowConfigs()) backends.push('tensorflow');
  return backends;
}
