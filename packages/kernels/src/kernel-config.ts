import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';

/**
 * A KernelConfig for a kernel function typed with its own inputs and backend view: tfjs's
 * KernelFunc takes untyped NamedTensorInfoMap / KernelBackend, so the one cast lives here. Every
 * kernel camkit registers (CAM and training, on every backend) is declared through it.
 */
export function kernelConfig<A>(
  kernelName: string,
  backendName: string,
  kernelFunc: (args: A) => TensorInfo | TensorInfo[],
  setupFunc?: KernelConfig['setupFunc'],
): KernelConfig {
  const config: KernelConfig = { kernelName, backendName, kernelFunc: kernelFunc as unknown as KernelFunc };
  if (setupFunc) config.setupFunc = setupFunc;
  return config;
}
