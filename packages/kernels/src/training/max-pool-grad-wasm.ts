import type { TensorInfo } from '@tensorflow/tfjs-core';
import { MaxPoolGrad } from '@tensorflow/tfjs-core';
import { maxPoolGradImpl, type PoolGradAttrs, poolGradInfo } from './pool-grad-impl.js';
import { heapF32, type WasmBackendLike } from './wasm-kernel-calls.js';
import { kernelConfig } from '../kernel-config.js';

/**
 * `MaxPoolGrad` for wasm, for every pool (overlapping, padded — ResNet's 3×3/2 'same' stem pool):
 * {@link maxPoolGradImpl} on the heap. Stock wasm's kernel routes tied windows — all-zero windows
 * after a ReLU are common — to another element than cpu and PyTorch, and is a slower scalar loop
 * (10 ms of a 48 ms vgg-like step at 32×32, batch 16).
 */
export function maxPoolGradWasm(args: {
  inputs: { dy: TensorInfo; input: TensorInfo; output?: TensorInfo };
  backend: WasmBackendLike;
  attrs: PoolGradAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { dy, input } = inputs;
  const info = poolGradInfo(input.shape, attrs);
  const out = backend.makeOutput(input.shape.slice(), 'float32');
  // Views only after the last allocation (memory growth detaches earlier ones).
  const dx = heapF32(backend, out);
  dx.fill(0);
  maxPoolGradImpl(
    heapF32(backend, input),
    heapF32(backend, dy),
    dx,
    input.shape as [number, number, number, number],
    info,
  );
  return out;
}

/** `MaxPoolGrad` for wasm: first-max routing for every pool. */
export const maxPoolGradWasmConfig = kernelConfig(MaxPoolGrad, 'wasm', maxPoolGradWasm);
