import type {
  KernelBackend,
  KernelConfig,
  NamedAttrMap,
  NamedTensorInfoMap,
  TensorInfo,
} from '@tensorflow/tfjs-core';
import { getKernel, registerKernel, unregisterKernel } from '@tensorflow/tfjs-core';

// The kernels camkit replaced, per backend and name, so a replacement can delegate the cases it
// does not accelerate and the unregister functions can put them back.
const stock = new Map<string, KernelConfig | null>();
const key = (name: string, backend: string) => `${backend}/${name}`;

/** Records what was registered under `name` before camkit's kernel (first call wins). */
export function rememberStock(name: string, config: KernelConfig | null, backend = 'wasm'): void {
  if (!stock.has(key(name, backend))) stock.set(key(name, backend), config);
}

/** The kernel camkit replaced, or null if there was none. */
export function stockKernel(name: string, backend = 'wasm'): KernelConfig | null {
  return stock.get(key(name, backend)) ?? null;
}

/** Forgets what was recorded for `backend` (after its stock kernels were restored). */
export function forgetStock(backend = 'wasm'): void {
  for (const k of [...stock.keys()]) if (k.startsWith(`${backend}/`)) stock.delete(k);
}

/**
 * Registers each config in place of whatever its backend has under that name, remembering the
 * stock kernel (idempotent: a config already registered is left alone).
 */
export function replaceKernels(configs: readonly KernelConfig[]): void {
  for (const config of configs) {
    const current = getKernel(config.kernelName, config.backendName);
    if (current === config) continue;
    rememberStock(config.kernelName, current ?? null, config.backendName);
    if (current != null) unregisterKernel(config.kernelName, config.backendName);
    registerKernel(config);
  }
}

/** Puts back the stock kernels {@link replaceKernels} replaced for these configs. */
export function restoreKernels(configs: readonly KernelConfig[]): void {
  for (const config of configs) {
    if (getKernel(config.kernelName, config.backendName) !== config) continue;
    unregisterKernel(config.kernelName, config.backendName);
    const previous = stockKernel(config.kernelName, config.backendName);
    if (previous != null) registerKernel(previous);
    stock.delete(key(config.kernelName, config.backendName));
  }
}

/**
 * The stock kernel binds its wasm export in its setupFunc, which the engine runs only for kernels
 * registered when the backend initialises: forward it, or the delegated path finds it unbound.
 */
export function setupStock(kernelName: string): NonNullable<KernelConfig['setupFunc']> {
  return (backend) => {
    stockKernel(kernelName)?.setupFunc?.(backend);
  };
}

/** Runs the stock kernel camkit replaced, for the cases camkit's does not accelerate. */
export function runStock(
  kernelName: string,
  args: { inputs: object; backend: KernelBackend; attrs: object },
): TensorInfo {
  const config = stockKernel(kernelName);
  if (config == null) throw new Error(`@camkit/kernels: no stock wasm ${kernelName} to delegate to`);
  return config.kernelFunc({
    inputs: args.inputs as NamedTensorInfoMap,
    backend: args.backend,
    attrs: args.attrs as unknown as NamedAttrMap,
  }) as TensorInfo;
}
