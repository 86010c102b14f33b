import type { TensorInfo } from '@tensorflow/tfjs-core';
import { BatchMatMul } from '@tensorflow/tfjs-core';
import { kernelConfig } from '../kernel-config.js';
import { transformedFilter } from './simd/filter-cache.js';
import { runStock, setupStock } from './stock-kernels.js';
import { heapF32, release, type WasmBackendLike } from './wasm-kernel-calls.js';

/**
 * `BatchMatMul` for wasm where `b` is transposed and shared by the batch (a weight matrix): the
 * gradient of a Dense layer with respect to its input, dy · Wᵀ, which every gradient method runs
 * through a classifier head. Stock wasm takes 2–3 ms for ResNet-18's [1, 1000] · [512, 1000]ᵀ and
 * 14 ms at batch 16, against 0.15 / 0.9 ms for the same product with Wᵀ laid out beforehand; so Wᵀ
 * is made once per weight tensor (the filter cache: from its second use on, freed with the weight)
 * and the stock kernel runs untransposed. Everything else goes to the stock kernel.
 */
function batchMatMulWasm(args: {
  inputs: { a: TensorInfo; b: TensorInfo };
  backend: WasmBackendLike;
  attrs: { transposeA: boolean; transposeB: boolean };
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { a, b } = inputs;
  const lead = b.shape.slice(0, -2);
  if (!attrs.transposeB || b.dtype !== 'float32' || lead.some((d) => d !== 1)) {
    return runStock(BatchMatMul, args);
  }
  const [n, k] = b.shape.slice(-2) as [number, number];
  const t = transformedFilter(backend, b, `matmul-transpose:${n}:${k}`, [k, n], (info) => {
    const src = heapF32(backend, b);
    const dst = heapF32(backend, info);
    for (let i = 0; i < n; i++) {
      const row = i * k;
      for (let j = 0; j < k; j++) dst[j * n + i] = src[row + j] as number;
    }
  });
  const bT: TensorInfo = { dataId: t.u.dataId, shape: [...lead, k, n], dtype: 'float32' };
  const out = runStock(BatchMatMul, {
    inputs: { a, b: bT },
    backend,
    attrs: { ...attrs, transposeB: false },
  });
  if (t.owned) release(backend, t.u);
  return out;
}

/** `BatchMatMul` for wasm with a kept Wᵀ for `a · Wᵀ` (see {@link batchMatMulWasm}). */
export const batchMatMulWasmConfig = kernelConfig(
  BatchMatMul,
  'wasm',
  batchMatMulWasm,
  setupStock(BatchMatMul),
);
