import type {
  KernelBackend,
  KernelConfig,
  NamedAttrMap,
  NamedTensorInfoMap,
  TensorInfo,
} from '@tensorflow/tfjs-core';

// The wasm kernels camkit replaced, so a replacement can delegate the cases it does not
// accelerate and unregisterWasmTrainingKernels can put them back.
const stock = new Map<string, KernelConfig | null>();

/** Records what was registered under `name` before camkit's kernel (first call wins). */
export function rememberStock(name: string, config: KernelConfig | null): void {
  if (!stock.has(name)) stock.set(name, config);
}

/** The kernel camkit replaced, or null if there was none. */
export function stockKernel(name: string): KernelConfig | null {
  return stock.get(name) ?? null;
}

/** Forgets everything recorded (after the stock kernels were restored). */
export function forgetStock(): void {
  stock.clear();
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
