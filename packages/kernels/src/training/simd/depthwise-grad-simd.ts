import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { ConvGeometry } from '../conv-geometry.js';
import { heapF32, release, type WasmBackendLike } from '../wasm-kernel-calls.js';
import { DEPTHWISE_TABLE_ENTRY, writeDepthwiseGradModule } from './depthwise-grad-module.js';
import { generatedKernel } from './instantiate.js';

/** Which depthwise gradient: of the filter (inputs x, dy) or of the input (inputs dy, filter). */
export type DepthwiseGradKind = 'filterGrad' | 'inputGrad';

/** The module's parameters after the four addresses (see `depthwise-grad-module.ts`). */
interface Strides {
  batch: number;
  outH: number;
  cB: number;
  kH: number;
  kW: number;
  xImg: number;
  yStep: number;
  xStep: number;
  dyImg: number;
  dyRow: number;
  rowBlock: number;
}

/**
 * Per filter row ky: dy rows [ylo, yhi) whose tap lands inside the input, and the byte offset
 * (ky·dH − padTop)·rowBytes; per filter column kx: [xlo, xhi) and xlo·xStep + (kx·dW − padLeft)·cB.
 */
export function depthwiseTable(g: ConvGeometry, cB: number): Int32Array {
  const e = DEPTHWISE_TABLE_ENTRY / 4;
  const t = new Int32Array((g.kH + g.kW) * e);
  const range = (k: number, dilation: number, pad: number, stride: number, size: number, out: number) => {
    const at = k * dilation - pad; // input index of output 0's tap
    const lo = Math.min(out, Math.max(0, Math.ceil(-at / stride)));
    const hi = Math.max(lo, Math.min(out, Math.floor((size - 1 - at) / stride) + 1));
    return [lo, hi, at] as const;
  };
  for (let ky = 0; ky < g.kH; ky++) {
    const [lo, hi, at] = range(ky, g.dilationH, g.padTop, g.strideH, g.inH, g.outH);
    t.set([lo, hi, at * g.inW * cB], ky * e);
  }
  for (let kx = 0; kx < g.kW; kx++) {
    const [lo, hi, at] = range(kx, g.dilationW, g.padLeft, g.strideW, g.inW, g.outW);
    t.set([lo, hi, lo * g.strideW * cB + at * cB], (g.kH + kx) * e);
  }
  return t;
}

function stridesFor(g: ConvGeometry, cp: number): Strides {
  const cB = cp * 4;
  // dy rows per block: a block's dy rows and the input rows they read should stay in L2 (~192 kB).
  const bytesPerRow = (g.outW + g.strideH * g.inW) * cB;
  return {
    batch: g.batch,
    outH: g.outH,
    cB,
    kH: g.kH,
    kW: g.kW,
    xImg: g.inH * g.inW * cB,
    yStep: g.strideH * g.inW * cB,
    xStep: g.strideW * cB,
    dyImg: g.outH * g.outW * cB,
    dyRow: g.outW * cB,
    rowBlock: Math.max(1, Math.min(g.outH, Math.floor((192 * 1024) / bytesPerRow))),
  };
}

/**
 * The module's loops in JavaScript over the same buffers and table: what runs where the generated
 * code cannot (no wasm SIMD, backend memory not reachable). Addresses are float indices here.
 */
function depthwiseGradScalar(
  kind: DepthwiseGradKind,
  heap: Float32Array,
  xAt: number,
  dyAt: number,
  wAt: number,
  table: Int32Array,
  s: Strides,
): void {
  const c = s.cB / 4;
  for (let n = 0; n < s.batch; n++) {
    const imgX = xAt + (n * s.xImg) / 4;
    const imgDy = dyAt + (n * s.dyImg) / 4;
    for (let ky = 0; ky < s.kH; ky++) {
      const [ylo, yhi, rowOff] = [table[ky * 3], table[ky * 3 + 1], table[ky * 3 + 2]] as number[];
      for (let kx = 0; kx < s.kW; kx++) {
        const e = (s.kH + kx) * 3;
        const [xlo, xhi, xOff] = [table[e], table[e + 1], table[e + 2]] as number[];
        const tap = wAt + (ky * s.kW + kx) * c;
        for (let y = ylo as number; y < (yhi as number); y++) {
          let xp = imgX + (y * s.yStep + (rowOff as number) + (xOff as number)) / 4;
          let dp = imgDy + (y * s.dyRow) / 4 + (xlo as number) * c;
          for (let ox = xlo as number; ox < (xhi as number); ox++) {
            for (let ch = 0; ch < c; ch++) {
              if (kind === 'filterGrad')
                heap[tap + ch] += (heap[xp + ch] as number) * (heap[dp + ch] as number);
              else heap[xp + ch] += (heap[dp + ch] as number) * (heap[tap + ch] as number);
            }
            xp += s.xStep / 4;
            dp += c;
          }
        }
      }
    }
  }
}

/** Copies `[pixels, c]` into `[pixels, cp]` (cp ≥ c), each channel repeated `mult` times, zeros after. */
function packChannels(
  src: Float32Array,
  dst: Float32Array,
  pixels: number,
  c: number,
  mult: number,
  cp: number,
) {
  dst.fill(0);
  for (let p = 0; p < pixels; p++) {
    const from = p * c;
    const to = p * cp;
    if (mult === 1) dst.set(src.subarray(from, from + c), to);
    else
      for (let ch = 0; ch < c; ch++) dst.fill(src[from + ch] as number, to + ch * mult, to + (ch + 1) * mult);
  }
}

/** Options for {@link depthwiseGradWasm} (tests use `scalar` to run the JavaScript loops). */
export interface DepthwiseGradOptions {
  /** Run the JavaScript loops instead of the generated module (default false). */
  scalar?: boolean;
  /** dy rows per cache block (default: as many as fit in ~192 kB); tests force partial blocks. */
  rowBlock?: number;
}

/**
 * A depthwise-convolution gradient on the wasm heap, in place. Channel multiplier m > 1 and channel
 * counts that are not a multiple of 4 are packed into the module's form — C·m channels padded to a
 * multiple of 4, x repeated m times along channels for the filter gradient, the m partial input
 * gradients of a channel summed after — so every case runs the same loops (more slowly: extra
 * copies). Returns the gradient and whether the generated SIMD code ran (false: the JavaScript
 * loops did, because the module cannot run here or `scalar` was asked for).
 *
 * filterGrad: `a` = x `[N, inH, inW, C]`, `b` = dy → dW `[kH, kW, C, m]`.
 * inputGrad: `a` = dy `[N, outH, outW, C·m]`, `b` = filter `[kH, kW, C, m]` → dx `[N, inH, inW, C]`.
 */
export function depthwiseGradWasm(
  backend: WasmBackendLike,
  kind: DepthwiseGradKind,
  a: TensorInfo,
  b: TensorInfo,
  g: ConvGeometry,
  options: DepthwiseGradOptions = {},
): { out: TensorInfo; simd: boolean } {
  const kernel = options.scalar
    ? null
    : generatedKernel(backend, 'depthwiseGrad', writeDepthwiseGradModule)?.[kind];
  const c = g.inC;
  const mult = g.outC / g.inC;
  const ce = g.outC;
  const cp = Math.ceil(ce / 4) * 4;
  const inPixels = g.batch * g.inH * g.inW;
  const outPixels = g.batch * g.outH * g.outW;
  const taps = g.kH * g.kW;
  const temps: TensorInfo[] = [];
  const temp = (shape: number[], dtype: 'float32' | 'int32' = 'float32') => {
    const info = backend.makeOutput(shape, dtype);
    temps.push(info);
    return info;
  };

  const tableInfo = temp([((g.kH + g.kW) * DEPTHWISE_TABLE_ENTRY) / 4], 'int32');
  let xSide: TensorInfo; // x (filterGrad) or dx (inputGrad), cp channels
  let dySide: TensorInfo;
  let wSide: TensorInfo; // dW (filterGrad) or W (inputGrad), cp channels
  let out: TensorInfo;
  const direct = mult === 1 && cp === ce;
  if (kind === 'filterGrad') {
    const filterShape = [g.kH, g.kW, c, mult];
    xSide = direct ? a : temp([inPixels, cp]);
    dySide = cp === ce ? b : temp([outPixels, cp]);
    out = backend.makeOutput(filterShape, 'float32');
    wSide = cp === ce ? out : temp([taps, cp]);
  } else {
    dySide = cp === ce ? a : temp([outPixels, cp]);
    wSide = cp === ce ? b : temp([taps, cp]);
    out = backend.makeOutput([g.batch, g.inH, g.inW, c], 'float32');
    xSide = direct ? out : temp([inPixels, cp]);
  }
  // Views only after the last allocation (memory growth detaches earlier ones).
  const table = backend.typedArrayFromHeap(tableInfo) as Int32Array;
  table.set(depthwiseTable(g, cp * 4));
  const xv = heapF32(backend, xSide);
  const dyv = heapF32(backend, dySide);
  const wv = heapF32(backend, wSide);
  if (kind === 'filterGrad') {
    if (xSide !== a) packChannels(heapF32(backend, a), xv, inPixels, c, mult, cp);
    if (dySide !== b) packChannels(heapF32(backend, b), dyv, outPixels, ce, 1, cp);
    wv.fill(0);
  } else {
    if (dySide !== a) packChannels(heapF32(backend, a), dyv, outPixels, ce, 1, cp);
    if (wSide !== b) packChannels(heapF32(backend, b), wv, taps, ce, 1, cp);
    xv.fill(0);
  }

  const s = stridesFor(g, cp);
  if (options.rowBlock != null) s.rowBlock = Math.max(1, Math.floor(options.rowBlock));
  if (kernel != null) {
    kernel(
      xv.byteOffset,
      dyv.byteOffset,
      wv.byteOffset,
      table.byteOffset,
      s.batch,
      s.outH,
      s.cB,
      s.kH,
      s.kW,
      s.xImg,
      s.yStep,
      s.xStep,
      s.dyImg,
      s.dyRow,
      s.rowBlock,
    );
  } else {
    const heap = new Float32Array(xv.buffer);
    depthwiseGradScalar(kind, heap, xv.byteOffset / 4, dyv.byteOffset / 4, wv.byteOffset / 4, table, s);
  }

  const outv = heapF32(backend, out);
  if (kind === 'filterGrad' && wSide !== out) {
    for (let t = 0; t < taps; t++) outv.set(wv.subarray(t * cp, t * cp + ce), t * ce);
  } else if (kind === 'inputGrad' && xSide !== out) {
    for (let p = 0; p < inPixels; p++) {
      for (let ch = 0; ch < c; ch++) {
        let sum = 0;
        for (let m = 0; m < mult; m++) sum += xv[p * cp + ch * mult + m] as number;
        outv[p * c + ch] = sum;
      }
    }
  }
  release(backend, ...temps);
  return { out, simd: kernel != null };
}
