import { BatchNormTrain, type BatchNormTrainAttrs, BatchNormTrainGrad, CamkitError } from '@camkit/core';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { util } from '@tensorflow/tfjs-core';
import { writeBatchNormModule } from './simd/batch-norm-module.js';
import { generatedKernel } from './simd/instantiate.js';
import { heapF32, release, type WasmBackendLike } from './wasm-kernel-calls.js';
import { kernelConfig } from '../kernel-config.js';

type BatchNormModule = Record<'sumSq' | 'sumProd' | 'affine' | 'affine2', (...args: number[]) => void>;

/**
 * The generated SIMD passes with their scratch: two float64 [C] accumulators and three float32 [C]
 * coefficient rows on the wasm heap; null where they cannot run (C not a multiple of 4, no SIMD).
 * Call `views()` after the caller's last allocation; `free()` when done.
 */
function simdScratch(backend: WasmBackendLike, c: number) {
  if (c % 4 !== 0) return null;
  const mod = generatedKernel(backend, 'batchNorm', writeBatchNormModule) as BatchNormModule | null;
  if (mod == null) return null;
  const acc = backend.makeOutput([4 * c], 'float32'); // float64 [2, C]
  const coef = backend.makeOutput([3 * c], 'float32');
  const views = () => {
    const a = heapF32(backend, acc);
    const k = heapF32(backend, coef);
    return { acc: a, coef: k, sum: a.byteOffset, second: a.byteOffset + 8 * c, k: k.byteOffset };
  };
  if (views().sum % 8 !== 0) {
    release(backend, acc, coef);
    return null;
  }
  return { mod, views, free: () => release(backend, acc, coef) };
}

function checkInputs(kernel: string, x: TensorInfo, perChannel: Record<string, TensorInfo>): void {
  const c = x.shape[x.shape.length - 1];
  if (x.dtype !== 'float32' || x.shape.length < 2) {
    throw new CamkitError(`${kernel}: x must be float32 of rank >= 2, got ${x.dtype} [${x.shape}]`);
  }
  for (const [name, t] of Object.entries(perChannel)) {
    if (t.shape.length !== 1 || t.shape[0] !== c) {
      throw new CamkitError(`${kernel}: ${name} must be [${c}] (x's channels), got [${t.shape}]`);
    }
  }
}

/**
 * What both kernels allocate: an output shaped like x, two per-channel [C] outputs, then the SIMD
 * scratch (null where it cannot run). C is x's last axis, M the number of rows over which it reduces.
 */
function allocate(backend: WasmBackendLike, x: TensorInfo) {
  const c = x.shape[x.shape.length - 1];
  const m = util.sizeFromShape(x.shape) / c;
  const outputs = [
    backend.makeOutput(x.shape, 'float32'),
    backend.makeOutput([c], 'float32'),
    backend.makeOutput([c], 'float32'),
  ] as const;
  return { c, m, outputs, simd: simdScratch(backend, c) };
}

/**
 * Training-mode batch norm over all axes but the last, on the wasm heap in three streaming passes
 * (sum, centred sum of squares, y = x·a + b) with float64 per-channel accumulators. tfjs-layers'
 * chain (moments + batchNormalization) is ~10 kernel launches and as many full passes.
 */
function batchNormTrainWasm(args: {
  inputs: { x: TensorInfo; scale: TensorInfo; offset: TensorInfo };
  backend: WasmBackendLike;
  attrs: BatchNormTrainAttrs;
}): TensorInfo[] {
  const { inputs, backend, attrs } = args;
  const { x, scale, offset } = inputs;
  checkInputs('CamkitBatchNormTrain', x, { scale, offset });
  const {
    c,
    m,
    outputs: [yInfo, meanInfo, varInfo],
    simd,
  } = allocate(backend, x);
  // Views after the last allocation (memory growth detaches earlier ones).
  const [xs, g, b, y, meanOut, varOut] = [x, scale, offset, yInfo, meanInfo, varInfo].map((t) =>
    heapF32(backend, t),
  );
  if (simd != null) {
    // One pass for Σx and Σx² in float64 (the cancellation in Σx²/M − μ² is far below float32
    // output precision unless |μ| exceeds σ by ~1e4), then y = x·a + b.
    const v = simd.views();
    const acc = new Float64Array(v.acc.buffer, v.sum, 2 * c);
    acc.fill(0);
    simd.mod.sumSq(xs.byteOffset, v.sum, v.second, m, 4 * c);
    for (let k = 0; k < c; k++) {
      const mu = acc[k] / m;
      meanOut[k] = mu;
      varOut[k] = Math.max(0, acc[c + k] / m - mu * mu);
      const a = g[k] / Math.sqrt(varOut[k] + attrs.varianceEpsilon);
      v.coef[k] = a;
      v.coef[c + k] = b[k] - mu * a;
    }
    simd.mod.affine(xs.byteOffset, y.byteOffset, v.k, v.k + 4 * c, m, 4 * c);
    simd.free();
    return [yInfo, meanInfo, varInfo];
  }
  const mean = new Float64Array(c);
  const sq = new Float64Array(c);
  for (let r = 0, base = 0; r < m; r++, base += c) for (let k = 0; k < c; k++) mean[k] += xs[base + k];
  for (let k = 0; k < c; k++) mean[k] /= m;
  for (let r = 0, base = 0; r < m; r++, base += c) {
    for (let k = 0; k < c; k++) {
      const d = xs[base + k] - mean[k];
      sq[k] += d * d;
    }
  }
  const a = new Float64Array(c);
  const shift = new Float64Array(c);
  for (let k = 0; k < c; k++) {
    const variance = sq[k] / m;
    meanOut[k] = mean[k];
    varOut[k] = variance;
    a[k] = g[k] / Math.sqrt(Math.fround(variance) + attrs.varianceEpsilon);
    shift[k] = b[k] - mean[k] * a[k];
  }
  for (let r = 0, base = 0; r < m; r++, base += c) {
    for (let k = 0; k < c; k++) y[base + k] = xs[base + k] * a[k] + shift[k];
  }
  return [yInfo, meanInfo, varInfo];
}

/**
 * Its gradient in two passes: Σ dy and Σ dy·(x − μ) per channel, then
 * dx = γ/σ̂ · dy − γ/σ̂³ · Σdy(x−μ)/M · (x − μ) − γ/σ̂ · Σdy/M as one multiply-add per element.
 */
function batchNormTrainGradWasm(args: {
  inputs: { dy: TensorInfo; x: TensorInfo; scale: TensorInfo; mean: TensorInfo; variance: TensorInfo };
  backend: WasmBackendLike;
  attrs: BatchNormTrainAttrs;
}): TensorInfo[] {
  const { inputs, backend, attrs } = args;
  const { dy, x, scale, mean, variance } = inputs;
  checkInputs('CamkitBatchNormTrainGrad', x, { scale, mean, variance });
  if (!util.arraysEqual(dy.shape, x.shape)) {
    throw new CamkitError(`CamkitBatchNormTrainGrad: dy [${dy.shape}] must have x's shape [${x.shape}]`);
  }
  const {
    c,
    m,
    outputs: [dxInfo, dScaleInfo, dOffsetInfo],
    simd,
  } = allocate(backend, x);
  const [dys, xs, g, mu, v, dx, dScale, dOffset] = [
    dy,
    x,
    scale,
    mean,
    variance,
    dxInfo,
    dScaleInfo,
    dOffsetInfo,
  ].map((t) => heapF32(backend, t));
  const sdy = new Float64Array(c);
  const sdyx = new Float64Array(c);
  const views = simd?.views();
  if (simd != null && views != null) {
    // Σdy and Σdy·x in one pass; Σdy·(x − μ) = Σdy·x − μ·Σdy.
    const acc = new Float64Array(views.acc.buffer, views.sum, 2 * c);
    acc.fill(0);
    simd.mod.sumProd(dys.byteOffset, xs.byteOffset, views.sum, views.second, m, 4 * c);
    for (let k = 0; k < c; k++) {
      sdy[k] = acc[k];
      sdyx[k] = acc[c + k] - mu[k] * acc[k];
    }
  } else {
    for (let r = 0, base = 0; r < m; r++, base += c) {
      for (let k = 0; k < c; k++) {
        const d = dys[base + k];
        sdy[k] += d;
        sdyx[k] += d * (xs[base + k] - mu[k]);
      }
    }
  }
  const k1 = new Float64Array(c);
  const k2 = new Float64Array(c);
  const k3 = new Float64Array(c);
  for (let k = 0; k < c; k++) {
    const rstd = 1 / Math.sqrt(v[k] + attrs.varianceEpsilon);
    dScale[k] = sdyx[k] * rstd;
    dOffset[k] = sdy[k];
    k1[k] = g[k] * rstd;
    k2[k] = (-g[k] * rstd * rstd * rstd * sdyx[k]) / m;
    k3[k] = (-k1[k] * sdy[k]) / m - k2[k] * mu[k];
  }
  if (simd != null && views != null) {
    views.coef.set(k1, 0);
    views.coef.set(k2, c);
    views.coef.set(k3, 2 * c);
    simd.mod.affine2(
      dys.byteOffset,
      xs.byteOffset,
      dx.byteOffset,
      views.k,
      views.k + 4 * c,
      views.k + 8 * c,
      m,
      4 * c,
    );
    simd.free();
    return [dxInfo, dScaleInfo, dOffsetInfo];
  }
  for (let r = 0, base = 0; r < m; r++, base += c) {
    for (let k = 0; k < c; k++) dx[base + k] = k1[k] * dys[base + k] + k2[k] * xs[base + k] + k3[k];
  }
  return [dxInfo, dScaleInfo, dOffsetInfo];
}

/** `CamkitBatchNormTrain` (see @camkit/core's `batchNormTrain`) for wasm. */
export const batchNormTrainWasmConfig = kernelConfig(BatchNormTrain, 'wasm', batchNormTrainWasm);

/** `CamkitBatchNormTrainGrad` for wasm. */
export const batchNormTrainGradWasmConfig = kernelConfig(BatchNormTrainGrad, 'wasm', batchNormTrainGradWasm);
