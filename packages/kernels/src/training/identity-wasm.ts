import type { TensorInfo } from '@tensorflow/tfjs-core';
import { Identity } from '@tensorflow/tfjs-core';
import { kernelConfig } from '../kernel-config.js';
import { runStock, setupStock } from './stock-kernels.js';
import type { WasmBackendLike } from './wasm-kernel-calls.js';

/**
 * `Identity` for wasm that shares the input's buffer (one more reference, as the cpu backend's
 * does and as stock wasm's `Reshape` does) instead of copying it. tfjs clones every tensor a custom
 * gradient saves (`save([x, filter, y])` in each fused conv), so under a gradient stock wasm copied
 * each conv's input and output once more per step: 1–2 ms of a 16-image 28-px camNet shard. Tensors
 * are immutable and no camkit or tfjs kernel writes into its inputs, so sharing is safe. Strings go
 * to stock.
 */
function identityWasm(args: {
  inputs: { x: TensorInfo };
  backend: WasmBackendLike;
  attrs: object;
}): TensorInfo {
  const { x } = args.inputs;
  if (x.dtype === 'string' || x.dtype === 'complex64') return runStock(Identity, args);
  args.backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
}

/** `Identity` for wasm without a copy (see {@link identityWasm}); strings delegated to stock. */
export const identityWasmConfig = kernelConfig(Identity, 'wasm', identityWasm, setupStock(Identity));
