import type { TensorInfo } from '@tensorflow/tfjs-core';
import { Conv2DBackpropInput } from '@tensorflow/tfjs-core';
import { type ConvBackpropAttrs, type ConvGeometry, convGeometry } from './conv-geometry.js';
import { transformedFilter } from './simd/filter-cache.js';
import { callWasmKernel, heapF32, release, type WasmBackendLike } from './wasm-kernel-calls.js';
import { kernelConfig } from '../kernel-config.js';

/**
 * The input gradient as ONE stride-1 forward convolution on XNNPACK: dy, spread out by the forward
 * stride (zeros between rows/columns), correlated with the spatially flipped filter whose in/out
 * channels are swapped, at the forward dilation:
 *   dx[n, i, j, ci] = Σ dy[n, y, x, co] · W[ky, kx, ci, co]  over  i = y·s + ky·d − pad.
 * Stock wasm runs this as a scalar loop about 10× slower than the forward conv.
 */
export function conv2DBackpropInputWasm(args: {
  inputs: { dy: TensorInfo; filter: TensorInfo };
  backend: WasmBackendLike;
  attrs: ConvBackpropAttrs & { inputShape: [number, number, number, number] };
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { dy, filter } = inputs;
  const g = convGeometry(Conv2DBackpropInput, attrs.inputShape, filter.shape, dy.shape, attrs);
  const spreadH = (g.outH - 1) * g.strideH + 1;
  const spreadW = (g.outW - 1) * g.strideW + 1;
  // Padding of the spread dy that makes the correlation produce exactly inH × inW rows/columns;
  // a negative value means those dy rows only ever met padding and are cropped instead.
  const top = (g.kH - 1) * g.dilationH - g.padTop;
  const bottom = g.inH - spreadH + g.padTop;
  const left = (g.kW - 1) * g.dilationW - g.padLeft;
  const right = g.inW - spreadW + g.padLeft;
  const crop = [Math.max(0, -top), Math.max(0, -bottom), Math.max(0, -left), Math.max(0, -right)];
  const rows = spreadH - crop[0] - crop[1];
  const cols = spreadW - crop[2] - crop[3];
  if (rows <= 0 || cols <= 0) {
    // No dy element reaches any input pixel: the gradient is zero.
    const zeros = backend.makeOutput([...attrs.inputShape], 'float32');
    heapF32(backend, zeros).fill(0);
    return zeros;
  }
  const strided = g.strideH > 1 || g.strideW > 1;
  const colsFloats = g.batch * g.outH * g.outW * g.kH * g.kW * g.inC;
  if (strided && colsFloats <= MAX_COLS_FLOATS) return gemmCol2im(backend, dy, filter, g);
  const needsSpread = strided || crop.some((c) => c > 0);
  const src = needsSpread ? spreadRows(backend, dy, g.strideH, g.strideW, crop[0], crop[2], rows, cols) : dy;
  const flipped = flipFilter(backend, filter);
  const dx = callWasmKernel(
    'Conv2D',
    backend,
    { x: src, filter: flipped.u },
    {
      strides: [1, 1],
      dilations: [g.dilationH, g.dilationW],
      pad: [
        [0, 0],
        [Math.max(0, top), Math.max(0, bottom)],
        [Math.max(0, left), Math.max(0, right)],
        [0, 0],
      ],
      dataFormat: 'NHWC',
      dimRoundingMode: 'floor',
    },
  );
  if (flipped.owned) release(backend, flipped.u);
  if (src !== dy) release(backend, src);
  return dx;
}

/** Largest column matrix (floats) {@link gemmCol2im} allocates: 256 MB; beyond, the spread path. */
const MAX_COLS_FLOATS = 64 * 1024 * 1024;

/**
 * A strided conv's input gradient without the spread's zeros: cols = dy · Wᵀ, one GEMM
 * `[N·outH·outW, outC] × [outC, kH·kW·inC]` (a 1×1 convolution on XNNPACK), then each dy position's
 * kH·kW·inC column added into the dx pixels its taps read (col2im). The spread formulation
 * multiplies s² times as many zeros: ResNet-18's 7×7/2 stem (dy [1,112,112,64] → dx
 * [1,224,224,3]) took 243 ms of a 384 ms guided backprop that way.
 */
function gemmCol2im(
  backend: WasmBackendLike,
  dy: TensorInfo,
  filter: TensorInfo,
  g: ConvGeometry,
): TensorInfo {
  const k = g.kH * g.kW * g.inC;
  // Wᵀ as a 1×1 filter [1, 1, outC, K]: the GEMM runs as XNNPACK's 1×1 convolution (stock
  // BatchMatMul with a transposed operand measured several times slower). Kept for a filter that
  // comes back (an explanation's weights), like a Winograd transform.
  const wT = transformedFilter(backend, filter, 'transpose', [1, 1, g.outC, k], (info) => {
    const wv = heapF32(backend, filter);
    const tv = heapF32(backend, info);
    for (let r = 0; r < k; r++) for (let o = 0; o < g.outC; o++) tv[o * k + r] = wv[r * g.outC + o] as number;
  });
  const cols = callWasmKernel(
    'Conv2D',
    backend,
    { x: dy, filter: wT.u },
    { strides: [1, 1], dilations: [1, 1], pad: 'valid', dataFormat: 'NHWC', dimRoundingMode: 'floor' },
  );
  if (wT.owned) release(backend, wT.u);
  const dx = backend.makeOutput([g.batch, g.inH, g.inW, g.inC], 'float32');
  // Views after the last allocation (memory growth detaches earlier ones).
  const out = heapF32(backend, dx);
  const c = heapF32(backend, cols);
  out.fill(0);
  const { inH, inW, inC } = g;
  let at = 0;
  for (let b = 0; b < g.batch; b++) {
    for (let y = 0; y < g.outH; y++) {
      for (let x = 0; x < g.outW; x++) {
        for (let ky = 0; ky < g.kH; ky++) {
          const i = y * g.strideH + ky * g.dilationH - g.padTop;
          if (i < 0 || i >= inH) {
            at += g.kW * inC;
            continue;
          }
          for (let kx = 0; kx < g.kW; kx++, at += inC) {
            const j = x * g.strideW + kx * g.dilationW - g.padLeft;
            if (j < 0 || j >= inW) continue;
            const to = ((b * inH + i) * inW + j) * inC;
            for (let ci = 0; ci < inC; ci++) out[to + ci] += c[at + ci] as number;
          }
        }
      }
    }
  }
  release(backend, cols);
  return dx;
}

/** dy placed every `sH` rows / `sW` columns (zeros between), minus `cropTop`/`cropLeft` leading rows/columns. */
function spreadRows(
  backend: WasmBackendLike,
  dy: TensorInfo,
  sH: number,
  sW: number,
  cropTop: number,
  cropLeft: number,
  rows: number,
  cols: number,
): TensorInfo {
  const [n, outH, outW, c] = dy.shape;
  const out = backend.makeOutput([n, rows, cols, c], 'float32');
  const o = heapF32(backend, out);
  const d = heapF32(backend, dy);
  o.fill(0);
  for (let b = 0; b < n; b++) {
    for (let y = 0; y < outH; y++) {
      const r = y * sH - cropTop;
      if (r < 0 || r >= rows) continue;
      for (let x = 0; x < outW; x++) {
        const col = x * sW - cropLeft;
        if (col < 0 || col >= cols) continue;
        const from = ((b * outH + y) * outW + x) * c;
        o.set(d.subarray(from, from + c), ((b * rows + r) * cols + col) * c);
      }
    }
  }
  return out;
}

/**
 * W[kH, kW, inC, outC] → W'[a, b, outC, inC] = W[kH−1−a, kW−1−b, inC, outC], kept for a filter
 * that comes back (see filter-cache.ts): a kept flip has a stable dataId, so the stride-1 conv
 * that consumes it keeps its Winograd transform too.
 */
function flipFilter(backend: WasmBackendLike, filter: TensorInfo): { u: TensorInfo; owned: boolean } {
  const [kH, kW, inC, outC] = filter.shape as [number, number, number, number];
  return transformedFilter(backend, filter, 'flip', [kH, kW, outC, inC], (out) => {
    const o = heapF32(backend, out);
    const w = heapF32(backend, filter);
    for (let a = 0; a < kH; a++) {
      for (let b = 0; b < kW; b++) {
        const srcTap = ((kH - 1 - a) * kW + (kW - 1 - b)) * inC * outC;
        const dstTap = (a * kW + b) * outC * inC;
        for (let ci = 0; ci < inC; ci++) {
          for (let co = 0; co < outC; co++) o[dstTap + co * inC + ci] = w[srcTap + ci * outC + co] as number;
        }
      }
    }
  });
}

/** `Conv2DBackpropInput` for the wasm backend, replacing the stock scalar loop. */
export const conv2DBackpropInputWasmConfig = kernelConfig(
  Conv2DBackpropInput,
  'wasm',
  conv2DBackpropInputWasm,
);
