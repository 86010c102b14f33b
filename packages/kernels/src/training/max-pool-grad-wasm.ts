import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { backend_util, MaxPoolGrad } from '@tensorflow/tfjs-core';
import { runStock, setupStock } from './stock-kernels.js';
import { heapF32, type WasmBackendLike } from './wasm-kernel-calls.js';

/**
 * `MaxPoolGrad` for wasm, for the pools CNNs use — non-overlapping windows (stride = window), no
 * padding: one pass that sends each dy to the FIRST maximum of its window in row-major order, as
 * tfjs-backend-cpu and PyTorch do. Stock wasm's kernel is a slow scalar loop (10 ms of a 48 ms
 * vgg-like step at 32×32, batch 16) and routes tied windows — all-zero windows after a ReLU are
 * common — elsewhere. Overlapping or padded pools go to the stock kernel.
 */
export function maxPoolGradWasm(args: {
  inputs: { dy: TensorInfo; input: TensorInfo; output?: TensorInfo };
  backend: WasmBackendLike;
  attrs: {
    filterSize: [number, number] | number;
    strides: [number, number] | number;
    pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
    dimRoundingMode?: 'floor' | 'round' | 'ceil';
  };
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { dy, input } = inputs;
  const info = backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    attrs.filterSize,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const p = info.padInfo;
  const simple =
    input.dtype === 'float32' &&
    info.strideHeight === info.filterHeight &&
    info.strideWidth === info.filterWidth &&
    p.top === 0 &&
    p.left === 0 &&
    p.bottom === 0 &&
    p.right === 0;
  if (!simple) {
    return runStock(MaxPoolGrad, args);
  }
  const [n, h, w, c] = input.shape as [number, number, number, number];
  const { outHeight: oh, outWidth: ow, filterHeight: ph, filterWidth: pw } = info;
  const out = backend.makeOutput([n, h, w, c], 'float32');
  const dx = heapF32(backend, out);
  const x = heapF32(backend, input);
  const g = heapF32(backend, dy);
  dx.fill(0);
  const best = new Float32Array(c);
  const where = new Int32Array(c);
  for (let b = 0; b < n; b++) {
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++) {
        // The window's first element, then any strictly greater one: the first maximum wins.
        const first = ((b * h + oy * ph) * w + ox * pw) * c;
        for (let ch = 0; ch < c; ch++) {
          best[ch] = x[first + ch] as number;
          where[ch] = first + ch;
        }
        for (let ky = 0; ky < ph; ky++) {
          for (let kx = ky === 0 ? 1 : 0; kx < pw; kx++) {
            const at = ((b * h + oy * ph + ky) * w + ox * pw + kx) * c;
            for (let ch = 0; ch < c; ch++) {
              const v = x[at + ch] as number;
              if (v > (best[ch] as number)) {
                best[ch] = v;
                where[ch] = at + ch;
              }
            }
          }
        }
        const from = ((b * oh + oy) * ow + ox) * c;
        for (let ch = 0; ch < c; ch++) {
          const to = where[ch] as number;
          dx[to] = (dx[to] as number) + (g[from + ch] as number);
        }
      }
    }
  }
  return out;
}

/** `MaxPoolGrad` for wasm: first-max routing for non-overlapping pools, stock elsewhere. */
export const maxPoolGradWasmConfig: KernelConfig = {
  kernelName: MaxPoolGrad,
  backendName: 'wasm',
  kernelFunc: maxPoolGradWasm as unknown as KernelFunc,
  setupFunc: setupStock(MaxPoolGrad),
};
