import { findBackend, findBackendFactory, type KernelConfig } from '@tensorflow/tfjs-core';
import { avgPoolGradCpuConfig } from './avg-pool-grad-cpu.js';
import { registerConvGradients, registerWasmTrainingKernels } from './register-wasm-training-kernels.js';
import { replaceKernels } from './stock-kernels.js';

const hasBackend = (name: string) => findBackendFactory(name) != null || findBackend(name) != null;

/** The cpu kernels camkit puts in place of tfjs-backend-cpu's (wrong for padded average pools). */
export const CPU_TRAINING_KERNELS: readonly KernelConfig[] = [avgPoolGradCpuConfig];

/**
 * Registers camkit's conv gradients (dilation > 1 on every backend) and its gradient kernels for
 * every backend whose package is loaded: cpu
 * (`AvgPoolGrad`), wasm (everything {@link registerWasmTrainingKernels} does) and webgpu
 * (`MaxPoolGrad` routing ties to the first maximum, `AvgPoolGrad`; its WGSL programs load only
 * then). Called by `registerCamkitKernels()`; idempotent — call it again after loading a backend.
 */
export async function registerTrainingKernels(): Promise<void> {
  // Dilated Conv2D gradients on every backend (tfjs refuses them), whichever backends are loaded.
  registerConvGradients();
  if (hasBackend('cpu')) replaceKernels(CPU_TRAINING_KERNELS);
  // Only once the wasm package has registered its kernels: camkit's delegate to the stock ones, and
  // a stock kernel registered after camkit's is dropped ("already registered").
  if (hasBackend('wasm')) registerWasmTrainingKernels();
  if (hasBackend('webgpu')) {
    const { WEBGPU_TRAINING_KERNELS } = await import('./webgpu/pool-grad-webgpu.js');
    replaceKernels(WEBGPU_TRAINING_KERNELS);
  }
}
