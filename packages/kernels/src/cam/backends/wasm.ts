import { getKernel, type TensorInfo } from '@tensorflow/tfjs-core';
import { camPostImpl, weightedSumImpl } from '../cam-fuse-impl.js';
import { gradcamPlusPlusWeightsImpl, gradcamWeightsImpl } from '../gradcam-weights-impl.js';
import { camFuseDims } from '../validate.js';
import type { WasmBackendLike } from './backend-types.js';
import {
  type CamFuseArgs,
  type GradcamPlusPlusWeightsArgs,
  type GradcamWeightsArgs,
  camKernelConfigs,
} from './kernel-config.js';

/**
 * The weighted sum is a batched matrix product, and wasm's BatchMatMul (XNNPACK, SIMD) beats any
 * JavaScript loop at it; so hand it that step, on views of the inputs reshaped in place (same
 * dataId, no copy), and fuse everything after it over the wasm heap.
 */
function weightedSumWasm(
  backend: WasmBackendLike,
  features: TensorInfo,
  weights: TensorInfo,
  n: number,
  hw: number,
  k: number,
  c: number,
  batched: boolean,
): TensorInfo {
  const matMul = getKernel('BatchMatMul', 'wasm');
  const a: TensorInfo = { dataId: features.dataId, shape: [n, hw, k], dtype: 'float32' };
  if (matMul && batched) {
    return matMul.kernelFunc({
      inputs: { a, b: weights },
      backend: backend as never,
      attrs: { transposeA: false, transposeB: false },
    }) as TensorInfo;
  }
  if (matMul) {
    // Shared [K, C] weights: one [N*hw, K] x [K, C] product.
    const a2: TensorInfo = { dataId: features.dataId, shape: [1, n * hw, k], dtype: 'float32' };
    const b2: TensorInfo = { dataId: weights.dataId, shape: [1, k, c], dtype: 'float32' };
    return matMul.kernelFunc({
      inputs: { a: a2, b: b2 },
      backend: backend as never,
      attrs: { transposeA: false, transposeB: false },
    }) as TensorInfo;
  }
  const out = backend.makeOutput([n, hw, c], 'float32');
  weightedSumImpl(
    backend.typedArrayFromHeap(features) as Float32Array,
    backend.typedArrayFromHeap(weights) as Float32Array,
    n,
    hw,
    k,
    c,
    batched,
    backend.typedArrayFromHeap(out) as Float32Array,
  );
  return out;
}

function camFuseWasm(args: CamFuseArgs<WasmBackendLike>): TensorInfo {
  const { backend, attrs } = args;
  const { features, weights } = args.inputs;
  const d = camFuseDims(features.shape, weights.shape, attrs);
  const sum = weightedSumWasm(backend, features, weights, d.n, d.h * d.w, d.k, d.c, d.weightsBatched);
  const out = backend.makeOutput([d.n, d.c, d.outH, d.outW], 'float32');
  // Views are taken after the last allocation: growing the wasm heap detaches older views.
  camPostImpl(
    backend.typedArrayFromHeap(sum) as Float32Array,
    d.n,
    d.h,
    d.w,
    d.c,
    attrs,
    backend.typedArrayFromHeap(out) as Float32Array,
  );
  backend.disposeData(sum.dataId);
  return out;
}

function gradcamWeightsWasm(args: GradcamWeightsArgs<WasmBackendLike>): TensorInfo {
  const { backend } = args;
  const { grads } = args.inputs;
  const [n, h, w, k] = grads.shape as [number, number, number, number];
  const matMul = getKernel('BatchMatMul', 'wasm');
  if (matMul) {
    // The spatial mean as a [1, hw] x [hw, K] product per image: one SIMD pass over the gradients
    // (wasm's Mean over axes 1, 2 transposes them first).
    const avg = backend.makeOutput([1, 1, h * w], 'float32');
    (backend.typedArrayFromHeap(avg) as Float32Array).fill(1 / (h * w));
    const g: TensorInfo = { dataId: grads.dataId, shape: [n, h * w, k], dtype: 'float32' };
    const prod = matMul.kernelFunc({
      inputs: { a: avg, b: g },
      backend: backend as never,
      attrs: { transposeA: false, transposeB: false },
    }) as TensorInfo;
    backend.disposeData(avg.dataId);
    return { dataId: prod.dataId, shape: [n, k], dtype: 'float32' };
  }
  const out = backend.makeOutput([n, k], 'float32');
  gradcamWeightsImpl(
    backend.typedArrayFromHeap(grads) as Float32Array,
    n,
    h * w,
    k,
    backend.typedArrayFromHeap(out) as Float32Array,
  );
  return out;
}

function gradcamPlusPlusWeightsWasm(args: GradcamPlusPlusWeightsArgs<WasmBackendLike>): TensorInfo {
  const { backend } = args;
  const { grads, activations } = args.inputs;
  const [n, h, w, k] = grads.shape as [number, number, number, number];
  const out = backend.makeOutput([n, k], 'float32');
  gradcamPlusPlusWeightsImpl(
    backend.typedArrayFromHeap(grads) as Float32Array,
    backend.typedArrayFromHeap(activations) as Float32Array,
    n,
    h * w,
    k,
    backend.typedArrayFromHeap(out) as Float32Array,
  );
  return out;
}

/**
 * CamFuse (XNNPACK matMul + the fused post-processing over the wasm heap), GradcamWeights (one
 * pass over the heap) and GradcamPlusPlusWeights (two passes) on 'wasm'.
 */
export const [camFuseWasmConfig, gradcamWeightsWasmConfig, gradcamPlusPlusWeightsWasmConfig] =
  camKernelConfigs('wasm', camFuseWasm, gradcamWeightsWasm, gradcamPlusPlusWeightsWasm);
