import type { TensorInfo } from '@tensorflow/tfjs-core';
import { heapF32, release, type WasmBackendLike } from '../wasm-kernel-calls.js';
import {
  type Winograd3x3Geometry,
  winogradApplies,
  winogradConv3x3,
  winogradFilterGrad3x3,
} from './winograd-conv.js';

/**
 * A 3×3, stride-1 conv at dilation d, as the plain Winograd conv of its d² phases.
 *
 * The taps of output (y, x) = (i·d + a, j·d + b) sit at rows y + d·(ky − 1) … — all in phase (a, b)
 * of the input, one phase-row apart. So the dilated conv of x is, for each phase, the UNDILATED conv
 * of that phase's sub-image x[·, a::d, b::d, ·] with the padding divided by d (what TensorFlow's
 * atrous conv does with space_to_batch). The d² phases become the batch of one Winograd conv, and the
 * dilated conv runs at the speed of an undilated one on the same pixels, instead of on XNNPACK's
 * direct convolution (2.25× the multiplies). Phases shorter than ⌈H/d⌉ are zero-filled, which is
 * the zero padding they stand for.
 */
export interface DilatedGeometry extends Winograd3x3Geometry {
  dilation: number;
}

/** Whether the phase decomposition applies: the padding must fall on whole phase rows/columns. */
export function phasesApply(g: DilatedGeometry): boolean {
  return g.dilation > 1 && g.padTop % g.dilation === 0 && g.padLeft % g.dilation === 0;
}

/** The undilated conv each phase runs. */
function phaseGeometry(g: DilatedGeometry): Winograd3x3Geometry {
  const d = g.dilation;
  return {
    batch: g.batch * d * d,
    inH: Math.ceil(g.inH / d),
    inW: Math.ceil(g.inW / d),
    inC: g.inC,
    outC: g.outC,
    outH: Math.ceil(g.outH / d),
    outW: Math.ceil(g.outW / d),
    padTop: g.padTop / d,
    padLeft: g.padLeft / d,
  };
}

/**
 * Copies between an image batch `[n, h, w, c]` and its phases `[d²·n, ph, pw, c]`, where
 * phases[(a·d + b)·n + m, i, j] = image[m, i·d + a, j·d + b]: `toPhases` fills the phases (zero
 * where that pixel is outside the image), otherwise the image is filled from them (cropped). Both
 * live in `heap` (the wasm memory), at float offsets `imageAt` and `phasesAt`; each pixel's c
 * channels move with one `copyWithin`, the image walked in memory order (a `subarray` + `set` per
 * pixel, in phase order, was 4× slower: ~1.9 ms per [16, 28, 28, 64] copy, 20× a memcpy).
 */
function copyPhases(
  heap: Float32Array,
  imageAt: number,
  phasesAt: number,
  d: number,
  shape: number[],
  ph: number,
  pw: number,
  toPhases: boolean,
) {
  const [n, h, w, c] = shape as [number, number, number, number];
  if (toPhases) heap.fill(0, phasesAt, phasesAt + n * d * d * ph * pw * c);
  for (let m = 0; m < n; m++) {
    for (let y = 0; y < h; y++) {
      const a = y % d;
      const i = (y - a) / d;
      let q = imageAt + (m * h + y) * w * c;
      for (let x = 0; x < w; x++, q += c) {
        const b = x % d;
        const p = phasesAt + ((((a * d + b) * n + m) * ph + i) * pw + (x - b) / d) * c;
        if (toPhases) heap.copyWithin(p, q, q + c);
        else heap.copyWithin(q, p, p + c);
      }
    }
  }
}

/** The whole wasm heap as floats, and where `info`'s data starts in it. */
function onHeap(backend: WasmBackendLike, info: TensorInfo): [Float32Array, number] {
  const view = heapF32(backend, info);
  return [new Float32Array(view.buffer), view.byteOffset / 4];
}

/** The phases of `src` (see {@link copyPhases}), each `ph × pw`. */
function toPhases(backend: WasmBackendLike, src: TensorInfo, d: number, ph: number, pw: number): TensorInfo {
  const [n, , , c] = src.shape as [number, number, number, number];
  const out = backend.makeOutput([n * d * d, ph, pw, c], 'float32');
  // Offsets only after the last allocation (memory growth detaches earlier views).
  const [heap, srcAt] = onHeap(backend, src);
  copyPhases(heap, srcAt, onHeap(backend, out)[1], d, src.shape, ph, pw, true);
  return out;
}

/** The inverse of {@link toPhases}, cropped to `h × w`. */
function fromPhases(
  backend: WasmBackendLike,
  phases: TensorInfo,
  d: number,
  n: number,
  h: number,
  w: number,
) {
  const [, ph, pw, c] = phases.shape as [number, number, number, number];
  const out = backend.makeOutput([n, h, w, c], 'float32');
  const [heap, outAt] = onHeap(backend, out);
  copyPhases(heap, outAt, onHeap(backend, phases)[1], d, [n, h, w, c], ph, pw, false);
  return out;
}

/** The dilated conv (with FusedConv2D's bias/ReLU epilogue) by Winograd on its phases, or null. */
export function dilatedWinogradConv3x3(
  backend: WasmBackendLike,
  x: TensorInfo,
  filter: TensorInfo,
  g: DilatedGeometry,
  epilogue: { bias?: TensorInfo; relu?: boolean } = {},
): TensorInfo | null {
  if (!phasesApply(g)) return null;
  const pg = phaseGeometry(g);
  // Decline before copying the phases where Winograd would not run on them anyway.
  if (!winogradApplies(pg)) return null;
  const xs = toPhases(backend, x, g.dilation, pg.inH, pg.inW);
  const ys = winogradConv3x3(backend, xs, filter, pg, epilogue);
  release(backend, xs);
  if (ys == null) return null;
  const y = fromPhases(backend, ys, g.dilation, g.batch, g.outH, g.outW);
  release(backend, ys);
  return y;
}

/** The filter gradient of the same dilated conv: every output lies in one phase, so it is the sum of the phases' gradients. */
export function dilatedWinogradFilterGrad3x3(
  backend: WasmBackendLike,
  x: TensorInfo,
  dy: TensorInfo,
  g: DilatedGeometry,
): TensorInfo | null {
  if (!phasesApply(g)) return null;
  const pg = phaseGeometry(g);
  // Decline before copying the phases where Winograd would not run on them anyway.
  if (!winogradApplies(pg)) return null;
  const xs = toPhases(backend, x, g.dilation, pg.inH, pg.inW);
  const dys = toPhases(backend, dy, g.dilation, pg.outH, pg.outW);
  const dw = winogradFilterGrad3x3(backend, xs, dys, pg);
  release(backend, xs, dys);
  return dw;
}
