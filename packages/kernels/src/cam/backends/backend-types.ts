import type { backend_util, DataId, DataType, TensorInfo } from '@tensorflow/tfjs-core';

// Structural views of the backends, so this package never imports an optional backend package at
// runtime (importing @camkit/kernels must work when wasm or webgpu is not installed).

/** What the cpu kernels use of tfjs-backend-cpu's MathBackendCPU. */
export interface CpuBackendLike {
  readSync(dataId: DataId): backend_util.BackendValues;
  makeTensorInfo(shape: number[], dtype: DataType, values?: backend_util.BackendValues): TensorInfo;
}

/** What the wasm kernels use of tfjs-backend-wasm's BackendWasm. */
export interface WasmBackendLike {
  makeOutput(shape: number[], dtype: DataType): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): backend_util.TypedArray;
  disposeData(dataId: DataId, force?: boolean): boolean;
}
