import type { TensorInfo } from '@tensorflow/tfjs-core';
import { AvgPoolGrad } from '@tensorflow/tfjs-core';
import { avgPoolGradImpl, type PoolGradAttrs, poolGradInfo } from './pool-grad-impl.js';
import { heapF32, type WasmBackendLike } from './wasm-kernel-calls.js';
import { kernelConfig } from '../kernel-config.js';

/** `AvgPoolGrad` for wasm: {@link avgPoolGradImpl} on the heap (stock wasm miscounts padded windows). */
export function avgPoolGradWasm(args: {
  inputs: { dy: TensorInfo; input: TensorInfo };
  backend: WasmBackendLike;
  attrs: PoolGradAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { dy, input } = inputs;
  const out = backend.makeOutput(input.shape.slice(), 'float32');
  const dx = heapF32(backend, out);
  dx.fill(0);
  avgPoolGradImpl(
    heapF32(backend, dy),
    dx,
    input.shape as [number, number, number, number],
    poolGradInfo(input.shape, attrs),
  );
  return out;
}

/** `AvgPoolGrad` for wasm, padding excluded from each window's count as in the forward pool. */
export const avgPoolGradWasmConfig = kernelConfig(AvgPoolGrad, 'wasm', avgPoolGradWasm);
