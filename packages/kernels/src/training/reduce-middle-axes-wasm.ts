import type { TensorInfo } from '@tensorflow/tfjs-core';
import { Mean, Sum, util } from '@tensorflow/tfjs-core';
import { runStock, setupStock } from './stock-kernels.js';
import { generatedKernel } from './simd/instantiate.js';
import { writeSumRowsModule } from './simd/sum-rows-module.js';
import { heapF32, release, type WasmBackendLike } from './wasm-kernel-calls.js';
import { kernelConfig } from '../kernel-config.js';

/** The same sums on generated SIMD code (float64 accumulators); false where it cannot run. */
function sumRowsSimd(
  backend: WasmBackendLike,
  x: TensorInfo,
  out: TensorInfo,
  outer: number,
  mid: number,
  inner: number,
  scale: number,
): boolean {
  if (inner % 4 !== 0 || inner === 0 || mid === 0) return false;
  const sumRows = generatedKernel(backend, 'sumRows', writeSumRowsModule)?.sumRows;
  if (sumRows == null) return false;
  const accInfo = backend.makeOutput([2 * inner], 'float32'); // float64 [inner]
  const accView = heapF32(backend, accInfo);
  if (accView.byteOffset % 8 !== 0) {
    release(backend, accInfo);
    return false;
  }
  const acc = new Float64Array(accView.buffer, accView.byteOffset, inner);
  const src = heapF32(backend, x).byteOffset;
  const dst = heapF32(backend, out);
  for (let o = 0; o < outer; o++) {
    acc.fill(0);
    sumRows(src + o * mid * inner * 4, accView.byteOffset, mid, inner * 4);
    for (let i = 0; i < inner; i++) dst[o * inner + i] = (acc[i] as number) * scale;
  }
  release(backend, accInfo);
  return true;
}

/**
 * Sum/Mean over a block of axes that excludes the last one — the bias gradient of every conv
 * (Σ over N, H, W of dy) and global average pooling (mean over H, W). Stock wasm first transposes
 * the reduced axes to the end, a full extra pass with poor locality over the biggest tensors of
 * a training step; summing rows in place is one streaming pass. Anything else goes to the stock kernel.
 */
function reduceMiddle(kernelName: typeof Sum | typeof Mean) {
  return (args: {
    inputs: { x: TensorInfo };
    backend: WasmBackendLike;
    attrs: { axis: number | number[]; keepDims: boolean };
  }): TensorInfo => {
    const { inputs, backend, attrs } = args;
    const { x } = inputs;
    const rank = x.shape.length;
    const axes = util.parseAxisParam(attrs.axis, x.shape).sort((a, b) => a - b);
    const contiguous = axes.every((a, i) => i === 0 || a === axes[i - 1] + 1);
    if (x.dtype !== 'float32' || axes.length === 0 || !contiguous || axes[axes.length - 1] === rank - 1) {
      return runStock(kernelName, args);
    }
    const outer = util.sizeFromShape(x.shape.slice(0, axes[0]));
    const mid = util.sizeFromShape(x.shape.slice(axes[0], axes[axes.length - 1] + 1));
    const inner = util.sizeFromShape(x.shape.slice(axes[axes.length - 1] + 1));
    const outShape = attrs.keepDims
      ? x.shape.map((d, i) => (axes.includes(i) ? 1 : d))
      : x.shape.filter((_, i) => !axes.includes(i));
    const out = backend.makeOutput(outShape, 'float32');
    const scale = kernelName === Mean ? 1 / mid : 1;
    if (sumRowsSimd(backend, x, out, outer, mid, inner, scale)) return out;
    const src = heapF32(backend, x);
    const dst = heapF32(backend, out);
    const acc = new Float64Array(inner);
    for (let o = 0; o < outer; o++) {
      acc.fill(0);
      let base = o * mid * inner;
      for (let m = 0; m < mid; m++, base += inner) {
        for (let i = 0; i < inner; i++) acc[i] += src[base + i];
      }
      for (let i = 0; i < inner; i++) dst[o * inner + i] = acc[i] * scale;
    }
    return out;
  };
}

/** `Sum` for wasm: leading/middle-axes reductions in one pass, the rest delegated to stock. */
export const sumWasmConfig = kernelConfig(Sum, 'wasm', reduceMiddle(Sum), setupStock(Sum));

/** `Mean` for wasm: leading/middle-axes reductions in one pass, the rest delegated to stock. */
export const meanWasmConfig = kernelConfig(Mean, 'wasm', reduceMiddle(Mean), setupStock(Mean));
