import type { TensorInfo } from '@tensorflow/tfjs-core';
import { FusedBatchNorm, type FusedBatchNormAttrs, util } from '@tensorflow/tfjs-core';
import { kernelConfig } from '../kernel-config.js';
import { writeBatchNormModule } from './simd/batch-norm-module.js';
import { generatedKernel } from './simd/instantiate.js';
import { runStock, setupStock } from './stock-kernels.js';
import { heapF32, release, type WasmBackendLike } from './wasm-kernel-calls.js';

/**
 * Inference-mode batch norm (`tf.batchNorm`, which tfjs-layers' BatchNormalization runs outside
 * training) as one streaming SIMD pass y = (x − μ[c])·γ[c] / √(σ²[c] + ε) + β[c], x − μ and ·γ in
 * float32, the division and + β in float64 rounded once (what stock tfjs-backend-wasm's build
 * computes), so the bits are stock's; stock indexes
 * every per-channel operand per element (flat index modulo its size) and took 5.5 ms for
 * ResNet-18's [1, 112, 112, 64] stem output. (Folding to x·a + (β − μ·a) saves the division but
 * loses the digits of x − μ when |μ| ≫ σ: a finite-difference check of EfficientNet's input
 * gradient went 2 % off with it.) Operands that are not one value per channel of a float32 x with
 * a multiple of 4 channels go to stock.
 */
function fusedBatchNormWasm(args: {
  inputs: { x: TensorInfo; mean: TensorInfo; variance: TensorInfo; offset?: TensorInfo; scale?: TensorInfo };
  backend: WasmBackendLike;
  attrs: FusedBatchNormAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { x, mean, variance, offset, scale } = inputs;
  const c = x.shape[x.shape.length - 1] ?? 0;
  const perChannel = [mean, variance, offset, scale].every(
    (t) => t == null || (t.dtype === 'float32' && util.sizeFromShape(t.shape) === c),
  );
  const size = util.sizeFromShape(x.shape);
  if (x.dtype !== 'float32' || c % 4 !== 0 || size === 0 || !perChannel)
    return runStock(FusedBatchNorm, args);
  const mod = generatedKernel(backend, 'batchNorm', writeBatchNormModule);
  if (mod == null) return runStock(FusedBatchNorm, args);
  const out = backend.makeOutput(x.shape, 'float32');
  // γ as float32 [C]; √(σ² + ε) and β as float64 [C] (see writeBatchNormModule's `normalize`).
  const coef = backend.makeOutput([5 * c + 2], 'float32');
  // Views after the last allocation (memory growth detaches earlier ones).
  const k = heapF32(backend, coef);
  const gammaAt = k.byteOffset;
  const nfAt = Math.ceil((gammaAt + 4 * c) / 8) * 8;
  const f64 = new Float64Array(k.buffer, nfAt, 2 * c);
  const v = heapF32(backend, variance);
  const eps = Math.fround(attrs.varianceEpsilon);
  if (scale) k.set(heapF32(backend, scale), 0);
  else k.fill(1, 0, c);
  // float32 v + ε and its square root rounded to float32, as stock's C++ does.
  for (let i = 0; i < c; i++) f64[i] = Math.fround(Math.sqrt(Math.fround((v[i] as number) + eps)));
  const b = offset ? heapF32(backend, offset) : null;
  for (let i = 0; i < c; i++) f64[c + i] = b ? (b[i] as number) : 0;
  mod.normalize(
    heapF32(backend, x).byteOffset,
    heapF32(backend, out).byteOffset,
    heapF32(backend, mean).byteOffset,
    gammaAt,
    nfAt,
    nfAt + 8 * c,
    size / c,
    4 * c,
  );
  release(backend, coef);
  return out;
}

/** Inference batch norm as one SIMD pass (see {@link fusedBatchNormWasm}); other cases to stock. */
export const fusedBatchNormWasmConfig = kernelConfig(
  FusedBatchNorm,
  'wasm',
  fusedBatchNormWasm,
  setupStock(FusedBatchNorm),
);
