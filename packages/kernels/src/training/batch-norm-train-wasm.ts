import { BatchNormTrain, type BatchNormTrainAttrs, BatchNormTrainGrad } from '@camkit/core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { util } from '@tensorflow/tfjs-core';
import { heapF32, type WasmBackendLike } from './wasm-kernel-calls.js';
import { CamkitError } from '@camkit/core';

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
  const c = x.shape[x.shape.length - 1];
  const m = util.sizeFromShape(x.shape) / c;
  const yInfo = backend.makeOutput(x.shape, 'float32');
  const meanInfo = backend.makeOutput([c], 'float32');
  const varInfo = backend.makeOutput([c], 'float32');
  // Views after the last allocation (memory growth detaches earlier ones).
  const [xs, g, b, y, meanOut, varOut] = [x, scale, offset, yInfo, meanInfo, varInfo].map((t) =>
    heapF32(backend, t),
  );
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
  const c = x.shape[x.shape.length - 1];
  const m = util.sizeFromShape(x.shape) / c;
  const dxInfo = backend.makeOutput(x.shape, 'float32');
  const dScaleInfo = backend.makeOutput([c], 'float32');
  const dOffsetInfo = backend.makeOutput([c], 'float32');
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
  for (let r = 0, base = 0; r < m; r++, base += c) {
    for (let k = 0; k < c; k++) {
      const d = dys[base + k];
      sdy[k] += d;
      sdyx[k] += d * (xs[base + k] - mu[k]);
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
  for (let r = 0, base = 0; r < m; r++, base += c) {
    for (let k = 0; k < c; k++) dx[base + k] = k1[k] * dys[base + k] + k2[k] * xs[base + k] + k3[k];
  }
  return [dxInfo, dScaleInfo, dOffsetInfo];
}

/** `CamkitBatchNormTrain` (see @camkit/core's `batchNormTrain`) for wasm. */
export const batchNormTrainWasmConfig: KernelConfig = {
  kernelName: BatchNormTrain,
  backendName: 'wasm',
  kernelFunc: batchNormTrainWasm as unknown as KernelFunc,
};

/** `CamkitBatchNormTrainGrad` for wasm. */
export const batchNormTrainGradWasmConfig: KernelConfig = {
  kernelName: BatchNormTrainGrad,
  backendName: 'wasm',
  kernelFunc: batchNormTrainGradWasm as unknown as KernelFunc,
};
