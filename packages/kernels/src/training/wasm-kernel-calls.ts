import type { KernelBackend, NamedAttrMap, NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs-core';
import { getKernel } from '@tensorflow/tfjs-core';

/**
 * The parts of the wasm backend (`BackendWasm`) the training kernels use. Typed structurally so this
 * package needs no import of tfjs-backend-wasm's internals.
 */
export interface WasmBackendLike extends KernelBackend {
  makeOutput(shape: number[], dtype: 'float32' | 'int32' | 'bool'): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): Float32Array | Int32Array | Uint8Array;
  disposeData(dataId: object, force?: boolean): boolean;
}

/**
 * Runs another kernel registered for 'wasm' directly, bypassing the engine: no tape, no scope
 * tracking, and the returned TensorInfo is owned by the caller (free it with {@link release}).
 * Going through `tf.*` ops from inside a kernel would record them on an active tape and would need
 * `incRef` on every input we wrap.
 */
export function callWasmKernel(
  name: string,
  backend: WasmBackendLike,
  inputs: NamedTensorInfoMap,
  attrs: NamedAttrMap,
): TensorInfo {
  const config = getKernel(name, 'wasm');
  if (config == null) {
    throw new Error(`@camkit/kernels: kernel '${name}' is not registered for the wasm backend`);
  }
  return config.kernelFunc({ inputs, backend, attrs }) as TensorInfo;
}

/** Frees intermediate results made by {@link callWasmKernel} or `makeOutput`. */
export function release(backend: WasmBackendLike, ...infos: TensorInfo[]): void {
  for (const info of infos) backend.disposeData(info.dataId);
}

/** A float32 view of a tensor's wasm memory; take it only after the last allocation (growth detaches it). */
export function heapF32(backend: WasmBackendLike, info: TensorInfo): Float32Array {
  return backend.typedArrayFromHeap(info) as Float32Array;
}
