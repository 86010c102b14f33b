import type { TensorInfo } from '@tensorflow/tfjs-core';
import { MaxPoolGrad } from '@tensorflow/tfjs-core';
import { forEachPoolWindow, maxPoolGradImpl, type PoolGradAttrs, poolGradInfo } from './pool-grad-impl.js';
import { generatedKernel } from './simd/instantiate.js';
import { writeMaxPoolGradModule } from './simd/max-pool-grad-module.js';
import { heapF32, type WasmBackendLike } from './wasm-kernel-calls.js';
import { kernelConfig } from '../kernel-config.js';

/**
 * `MaxPoolGrad` for wasm, for every pool (overlapping, padded — ResNet's 3×3/2 'same' stem pool):
 * first-max routing, as {@link maxPoolGradImpl} does, on the heap — four channels per SIMD step
 * ({@link writeMaxPoolGradModule}, one call per window) where the channels are a multiple of 4,
 * the JS loop itself otherwise. Stock wasm's kernel routes tied windows — all-zero windows after a
 * ReLU are common — to another element than cpu and PyTorch, and is a slower scalar loop (10 ms of
 * a 48 ms vgg-like step at 32×32, batch 16). The JS loop's compares are unpredictable branches: 20 ms
 * for ResNet-18's stem pool ([1, 112, 112, 64], 3×3/2).
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
  const x = heapF32(backend, input);
  const dyv = heapF32(backend, dy);
  const shape = input.shape as [number, number, number, number];
  const c = shape[3];
  const simd = c % 4 === 0 ? generatedKernel(backend, 'maxPoolGrad', writeMaxPoolGradModule) : null;
  if (simd == null) {
    maxPoolGradImpl(x, dyv, dx, shape, info);
    return out;
  }
  const window = simd.maxPoolGradWindow as (...args: number[]) => void;
  const rowBytes = shape[2] * c * 4;
  const dxDelta = (dx.byteOffset - x.byteOffset) | 0;
  forEachPoolWindow(shape, info, {
    start: (w) =>
      window(
        x.byteOffset + w.first * 4,
        w.yHi - w.yLo,
        w.xHi - w.xLo,
        rowBytes,
        dyv.byteOffset + w.from * 4,
        dxDelta,
        c * 4,
      ),
  });
  return out;
}

/** `MaxPoolGrad` for wasm: first-max routing for every pool. */
export const maxPoolGradWasmConfig = kernelConfig(MaxPoolGrad, 'wasm', maxPoolGradWasm);
