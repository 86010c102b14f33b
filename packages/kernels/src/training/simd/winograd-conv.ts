import type { TensorInfo } from '@tensorflow/tfjs-core';
import { heapF32, release, type WasmBackendLike } from '../wasm-kernel-calls.js';
import { generatedKernel } from './instantiate.js';
import { padInput } from './pad-input.js';
import { type WinogradEpilogue, winogradPlaneBytes, writeWinogradModule } from './winograd-module.js';

/** The conv {@link winogradConv3x3} computes: 3×3 taps, stride 1, dilation 1, NHWC. */
export interface Winograd3x3Geometry {
  batch: number;
  inH: number;
  inW: number;
  inC: number;
  outC: number;
  outH: number;
  outW: number;
  padTop: number;
  padLeft: number;
}

/** Tiles per block: V[16][T][Cp] and M[16][T][Co] together within ~256 kB (L2). */
function tileBlockFor(cp: number, co: number): number {
  return Math.max(4, Math.min(128, Math.floor(4096 / (cp + co) / 4) * 4));
}

/** What both Winograd passes need: padded channels, tile grid, block size and the module. */
function winogradPlan(backend: WasmBackendLike, g: Winograd3x3Geometry, epilogue: WinogradEpilogue) {
  if (!winogradApplies(g)) return null;
  const cp = Math.ceil(g.inC / 4) * 4;
  const co = g.outC;
  const T = tileBlockFor(cp, co);
  const key = `winograd:${cp}:${co}:${T}:${epilogue.bias ? 'b' : ''}${epilogue.relu ? 'r' : ''}`;
  const kernel = generatedKernel(backend, key, (target) => writeWinogradModule(cp, co, T, target, epilogue));
  if (kernel == null) return null;
  const tilesH = Math.ceil(g.outH / 2);
  const tilesW = Math.ceil(g.outW / 2);
  // The zero-padded input covers every 4×4 patch of every tile, overhanging tiles included.
  const hp = 2 * tilesH + 2;
  const wp = 2 * tilesW + 2;
  const tilesPerImage = tilesH * tilesW;
  return {
    cp,
    co,
    T,
    tilesW,
    hp,
    wp,
    tilesPerImage,
    total: g.batch * tilesPerImage,
    rowBytes: wp * cp * 4,
    fn: (name: string) => kernel[name] as (...a: number[]) => void,
  };
}

/** Where Winograd pays: enough channels for the 16 GEMMs to dominate the transforms. */
export function winogradApplies(g: Winograd3x3Geometry): boolean {
  return g.outC % 4 === 0 && g.inC >= 8 && g.batch > 0 && g.outH > 0 && g.outW > 0;
}

/**
 * out[n, y, x, o] = Σ_{ky,kx,c} x[n, y + ky − padTop, x + kx − padLeft, c] · w[ky, kx, c, o] by
 * Winograd F(2×2, 3×3) on generated wasm SIMD (`winograd-module.ts`), in place on the wasm heap.
 * With `bias` (`[outC]`) and `relu`, it is FusedConv2D's epilogue, applied before the one store.
 * Returns null where it cannot run.
 */
export function winogradConv3x3(
  backend: WasmBackendLike,
  x: TensorInfo,
  filter: TensorInfo,
  g: Winograd3x3Geometry,
  options: { bias?: TensorInfo; relu?: boolean } = {},
): TensorInfo | null {
  const epilogue: WinogradEpilogue = { bias: options.bias != null, relu: options.relu === true };
  const plan = winogradPlan(backend, g, epilogue);
  if (plan == null) return null;
  const { cp, co, T, tilesW, hp, wp, tilesPerImage, total, rowBytes } = plan;

  const xpInfo = backend.makeOutput([g.batch, hp, wp, cp], 'float32');
  const uInfo = backend.makeOutput([16, cp, co], 'float32');
  const vInfo = backend.makeOutput([(16 * winogradPlaneBytes(cp, T)) / 4], 'float32');
  const mInfo = backend.makeOutput([(16 * winogradPlaneBytes(co, T)) / 4], 'float32');
  const out = backend.makeOutput([g.batch, g.outH, g.outW, co], 'float32');
  // Views only after the last allocation (memory growth detaches earlier ones).
  const xpv = heapF32(backend, xpInfo);
  padInput(heapF32(backend, x), xpv, g, cp, hp, wp);
  const u = heapF32(backend, uInfo);
  transformFilter(heapF32(backend, filter), u, g.inC, cp, co);

  const xpAddr = xpv.byteOffset;
  const vAddr = heapF32(backend, vInfo).byteOffset;
  const mAddr = heapF32(backend, mInfo).byteOffset;
  const outAddr = heapF32(backend, out).byteOffset;
  const biasAddr = options.bias ? heapF32(backend, options.bias).byteOffset : 0;
  const inputTransform = plan.fn('inputTransform');
  const gemm = plan.fn('gemm');
  const outputTransform = plan.fn('outputTransform');
  for (let start = 0; start < total; start += T) {
    inputTransform(xpAddr, vAddr, start, total, tilesW, tilesPerImage, rowBytes, hp * rowBytes);
    gemm(vAddr, u.byteOffset, mAddr);
    outputTransform(
      mAddr,
      outAddr,
      start,
      Math.min(T, total - start),
      tilesW,
      tilesPerImage,
      g.outH,
      g.outW,
      biasAddr,
    );
  }
  release(backend, xpInfo, uInfo, vInfo, mInfo);
  return out;
}

/** U[ξ = 4i + j][c][o] = (G g Gᵀ)[i][j] for g = w[·, ·, c, o]; rows c ≥ inC are zero. */
function transformFilter(w: Float32Array, u: Float32Array, inC: number, cp: number, co: number): void {
  u.fill(0);
  const tap = inC * co; // stride between the 9 taps of w
  const plane = cp * co; // stride between the 16 planes of u
  for (let c = 0; c < inC; c++) {
    for (let o = 0; o < co; o++) {
      const at = c * co + o;
      const w00 = w[at] as number;
      const w01 = w[at + tap] as number;
      const w02 = w[at + 2 * tap] as number;
      const w10 = w[at + 3 * tap] as number;
      const w11 = w[at + 4 * tap] as number;
      const w12 = w[at + 5 * tap] as number;
      const w20 = w[at + 6 * tap] as number;
      const w21 = w[at + 7 * tap] as number;
      const w22 = w[at + 8 * tap] as number;
      // G g (4×3): rows g0, (g0+g1+g2)/2, (g0−g1+g2)/2, g2 of the columns kx.
      const r1 = [0.5 * (w00 + w10 + w20), 0.5 * (w01 + w11 + w21), 0.5 * (w02 + w12 + w22)] as const;
      const r2 = [0.5 * (w00 - w10 + w20), 0.5 * (w01 - w11 + w21), 0.5 * (w02 - w12 + w22)] as const;
      const rows = [[w00, w01, w02], r1, r2, [w20, w21, w22]] as const;
      for (let i = 0; i < 4; i++) {
        const [a, b, d] = rows[i] as readonly [number, number, number];
        const base = 4 * i * plane + at;
        u[base] = a;
        u[base + plane] = 0.5 * (a + b + d);
        u[base + 2 * plane] = 0.5 * (a - b + d);
        u[base + 3 * plane] = d;
      }
    }
  }
}

/**
 * The filter gradient of the same conv, dW[ky, kx, c, o] = Σ x[n, y + ky − padTop, x + kx − padLeft, c]
 * · dy[n, y, x, o], by F(3×3, 2×2): dW = Gᵀ [Σ_tiles (A g Aᵀ) ⊙ (Bᵀ d B)] G, the sum over tiles being
 * 16 GEMMs with a long reduction, accumulated block by block in L2 (`gemmAccumulate`). Returns
 * `[3, 3, inC, outC]`, or null where it cannot run.
 */
export function winogradFilterGrad3x3(
  backend: WasmBackendLike,
  x: TensorInfo,
  dy: TensorInfo,
  g: Winograd3x3Geometry,
): TensorInfo | null {
  const plan = winogradPlan(backend, g, { bias: false, relu: false });
  if (plan == null) return null;
  const { cp, co, T, tilesW, hp, wp, tilesPerImage, total, rowBytes } = plan;

  const xpInfo = backend.makeOutput([g.batch, hp, wp, cp], 'float32');
  const vInfo = backend.makeOutput([(16 * winogradPlaneBytes(cp, T)) / 4], 'float32');
  const yInfo = backend.makeOutput([(16 * winogradPlaneBytes(co, T)) / 4], 'float32');
  const accInfo = backend.makeOutput([16, cp, co], 'float32');
  const out = backend.makeOutput([3, 3, g.inC, co], 'float32');
  const xpv = heapF32(backend, xpInfo);
  padInput(heapF32(backend, x), xpv, g, cp, hp, wp);
  const acc = heapF32(backend, accInfo);
  acc.fill(0);

  const xpAddr = xpv.byteOffset;
  const vAddr = heapF32(backend, vInfo).byteOffset;
  const yAddr = heapF32(backend, yInfo).byteOffset;
  const dyAddr = heapF32(backend, dy).byteOffset;
  const inputTransform = plan.fn('inputTransform');
  const dyTransform = plan.fn('dyTransform');
  const gemmAccumulate = plan.fn('gemmAccumulate');
  for (let start = 0; start < total; start += T) {
    inputTransform(xpAddr, vAddr, start, total, tilesW, tilesPerImage, rowBytes, hp * rowBytes);
    dyTransform(dyAddr, yAddr, start, Math.min(T, total - start), tilesW, tilesPerImage, g.outH, g.outW);
    gemmAccumulate(vAddr, yAddr, acc.byteOffset);
  }
  // dW[ky][kx] = Σ_{a,b} Gᵀ[ky][a] · acc[4a + b] · Gᵀ[kx][b]
  const gt = [
    [1, 0.5, 0.5, 0],
    [0, 0.5, -0.5, 0],
    [0, 0.5, 0.5, 1],
  ];
  const dw = heapF32(backend, out);
  const plane = cp * co;
  const sum = new Float64Array(co);
  for (let ky = 0; ky < 3; ky++) {
    for (let kx = 0; kx < 3; kx++) {
      for (let c = 0; c < g.inC; c++) {
        sum.fill(0);
        for (let a = 0; a < 4; a++) {
          for (let b = 0; b < 4; b++) {
            const k = (gt[ky] as number[])[a]! * (gt[kx] as number[])[b]!;
            if (k === 0) continue;
            const from = (4 * a + b) * plane + c * co;
            for (let o = 0; o < co; o++) sum[o] += k * (acc[from + o] as number);
          }
        }
        dw.set(sum, ((ky * 3 + kx) * g.inC + c) * co);
      }
    }
  }
  release(backend, xpInfo, vInfo, yInfo, accInfo);
  return out;
}
