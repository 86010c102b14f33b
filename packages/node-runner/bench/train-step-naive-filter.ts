// The "before" baseline of bench/train-step.ts: stock tfjs-backend-wasm has no
// Conv2DBackpropFilter, so training needs a fallback; this is the straightforward one (a scalar
// loop over the wasm heap, as a user would write it), used with stock wasm's Conv2DBackpropInput.
import type { KernelBackend, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { backend_util } from '@tensorflow/tfjs-core';

/** The part of tfjs-backend-wasm's backend this baseline calls (its class is not exported). */
interface WasmBackendLike extends KernelBackend {
  makeOutput(shape: number[], dtype: 'float32' | 'int32' | 'bool'): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): Float32Array | Int32Array | Uint8Array;
}

function naiveFilterGrad(args: {
  inputs: { x: TensorInfo; dy: TensorInfo };
  backend: WasmBackendLike;
  attrs: {
    strides: number | [number, number];
    pad: 'same' | 'valid';
    filterShape: [number, number, number, number];
  };
}): TensorInfo {
  const { x, dy } = args.inputs;
  const { backend, attrs } = args;
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    attrs.filterShape,
    attrs.strides,
    1,
    attrs.pad,
  );
  const [kh, kw, ci, co] = attrs.filterShape;
  const [n, h, w] = x.shape;
  const out = backend.makeOutput([kh, kw, ci, co], 'float32');
  const dw = backend.typedArrayFromHeap(out) as Float32Array;
  const xs = backend.typedArrayFromHeap(x) as Float32Array;
  const ds = backend.typedArrayFromHeap(dy) as Float32Array;
  dw.fill(0);
  const { outHeight: oh, outWidth: ow, strideHeight: sh, strideWidth: sw } = info;
  const { top, left } = info.padInfo;
  for (let b = 0; b < n; b++)
    for (let y = 0; y < oh; y++)
      for (let xx = 0; xx < ow; xx++) {
        const dOff = ((b * oh + y) * ow + xx) * co;
        for (let ky = 0; ky < kh; ky++) {
          const iy = y * sh + ky - top;
          if (iy < 0 || iy >= h) continue;
          for (let kx = 0; kx < kw; kx++) {
            const ix = xx * sw + kx - left;
            if (ix < 0 || ix >= w) continue;
            const xOff = ((b * h + iy) * w + ix) * ci;
            const wOff = (ky * kw + kx) * ci * co;
            for (let c = 0; c < ci; c++) {
              const v = xs[xOff + c];
              const row = wOff + c * co;
              for (let o = 0; o < co; o++) dw[row + o] += v * ds[dOff + o];
            }
          }
        }
      }
  return out;
}

export const naiveFilterGradConfig: KernelConfig = {
  kernelName: 'Conv2DBackpropFilter',
  backendName: 'wasm',
  kernelFunc: naiveFilterGrad as unknown as KernelFunc,
};
