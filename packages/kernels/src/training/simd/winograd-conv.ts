import type { TensorInfo } from '@tensorflow/tfjs-core';
import { heapF32, release, type WasmBackendLike } from '../wasm-kernel-calls.js';
import { transformedFilter } from './filter-cache.js';
import { generatedKernel } from './instantiate.js';
import { padInput } from './pad-input.js';
import {
  WINOGRAD,
  type WinogradEpilogue,
  type WinogradTile,
  winogradPlaneBytes,
  writeWinogradModule,
} from './winograd-module.js';

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

/**
 * Tiles per block: V[n²][T][Cp] and M[n²][T][Co] together within ~256 kB (L2). Every block reads
 * all of U ([n²][Cp][Co]), so where U is too big for L2 (over 2 MB: 256 channels and up) the block
 * grows until U's traffic per tile, n²·Cp·Co / T, is no more than V's and M's, n²·(Cp + Co) —
 * capped by the conv's tile count. With 4-tile blocks a 7×7×512 conv (16 tiles) read its 16 MB U
 * four times and ran at ~5 GMAC/s.
 */
export function tileBlockFor(cp: number, co: number, positions: number, total: number): number {
  const l2 = Math.max(4, Math.min(128, Math.floor((4096 * 16) / positions / (cp + co) / 4) * 4));
  if (positions * cp * co * 4 <= 2 << 20) return l2;
  const balanced = Math.ceil((cp * co) / (cp + co) / 4) * 4;
  return Math.max(l2, Math.min(balanced, Math.ceil(total / 4) * 4));
}

let largeTiles = false;

/**
 * Lets the Winograd convs of this thread use F(4×4, 3×3) (1.78× fewer multiply-adds than
 * F(2×2, 3×3)) wherever the output is at least 3×3; off (the default), every conv runs F(2×2).
 * F(4×4)'s larger transforms round differently from direct convolution near the edge of flat image
 * regions, where exact arithmetic gives ties: a max-pool there can route its gradient to another
 * pixel than PyTorch's (seen on a photograph with a flat sky: a guided-backprop map 2 % off
 * pytorch-grad-cam's, against 1e-7 with F(2×2)). Training does not care which maximum takes the
 * gradient, so camkit's training workers turn it on; explanations keep F(2×2).
 */
export function useLargeWinogradTiles(enabled: boolean): void {
  largeTiles = enabled;
}

/** The output tile a conv of this output size runs (see {@link useLargeWinogradTiles}). */
export function winogradTileFor(g: Pick<Winograd3x3Geometry, 'outH' | 'outW'>): WinogradTile {
  return largeTiles && Math.min(g.outH, g.outW) >= 3 ? 4 : 2;
}

/** What both Winograd passes need: padded channels, tile grid, block size and the module. */
function winogradPlan(
  backend: WasmBackendLike,
  g: Winograd3x3Geometry,
  epilogue: WinogradEpilogue,
  tile: WinogradTile = winogradTileFor(g),
) {
  if (!winogradApplies(g)) return null;
  const w = WINOGRAD[tile];
  const { m, n } = w;
  const cp = Math.ceil(g.inC / 4) * 4;
  const co = g.outC;
  const tilesH = Math.ceil(g.outH / m);
  const tilesW = Math.ceil(g.outW / m);
  const T = tileBlockFor(cp, co, n * n, g.batch * tilesH * tilesW);
  const key = `winograd${m}:${cp}:${co}:${T}:${epilogue.bias ? 'b' : ''}${epilogue.relu ? 'r' : ''}`;
  const kernel = generatedKernel(backend, key, (target) =>
    writeWinogradModule(cp, co, T, target, epilogue, tile),
  );
  if (kernel == null) return null;
  // The zero-padded input covers every n×n patch of every tile, overhanging tiles included.
  const hp = m * tilesH + 2;
  const wp = m * tilesW + 2;
  const tilesPerImage = tilesH * tilesW;
  return {
    w,
    cp,
    co,
    T,
    tilesW,
    hp,
    wp,
    tilesPerImage,
    total: g.batch * tilesPerImage,
    rowBytes: wp * cp * 4,
    /** Floats of V (`[n²][T][Cp]`) or M / Ŷ (`[n²][T][Co]`), their planes padded. */
    planes: (channels: number) => (n * n * winogradPlaneBytes(channels, T)) / 4,
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
  options: { bias?: TensorInfo; relu?: boolean; tile?: WinogradTile } = {},
): TensorInfo | null {
  const epilogue: WinogradEpilogue = { bias: options.bias != null, relu: options.relu === true };
  const plan = winogradPlan(backend, g, epilogue, options.tile);
  if (plan == null) return null;
  const { w, cp, co, T, tilesW, hp, wp, tilesPerImage, total, rowBytes } = plan;

  const xpInfo = backend.makeOutput([g.batch, hp, wp, cp], 'float32');
  const vInfo = backend.makeOutput([plan.planes(cp)], 'float32');
  const mInfo = backend.makeOutput([plan.planes(co)], 'float32');
  const out = backend.makeOutput([g.batch, g.outH, g.outW, co], 'float32');
  // U = G g Gᵀ, kept across calls for a filter that comes back (see filter-cache.ts). The last
  // allocation: views only after it (memory growth detaches earlier ones).
  const { u: uInfo, owned } = transformedFilter(
    backend,
    filter,
    `${w.m}:${cp}:${co}`,
    [w.n * w.n, cp, co],
    (info) => {
      const u = heapF32(backend, info);
      if (g.inC < cp) u.fill(0); // the padded input channels' rows
      plan.fn('filterTransform')(heapF32(backend, filter).byteOffset, u.byteOffset, g.inC);
    },
  );
  const u = heapF32(backend, uInfo);
  const xpv = heapF32(backend, xpInfo);
  padInput(heapF32(backend, x), xpv, g, cp, hp, wp);

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
  release(backend, xpInfo, vInfo, mInfo);
  if (owned) release(backend, uInfo);
  return out;
}

/**
 * The filter gradient of the same conv, dW[ky, kx, c, o] = Σ x[n, y + ky − padTop, x + kx − padLeft, c]
 * · dy[n, y, x, o], by F(3×3, m×m): dW = Gᵀ [Σ_tiles (A g Aᵀ) ⊙ (Bᵀ d B)] G, the sum over tiles
 * being n² GEMMs with a long reduction, accumulated block by block in L2 (`gemmAccumulate`).
 * Returns `[3, 3, inC, outC]`, or null where it cannot run.
 */
export function winogradFilterGrad3x3(
  backend: WasmBackendLike,
  x: TensorInfo,
  dy: TensorInfo,
  g: Winograd3x3Geometry,
  tile?: WinogradTile,
): TensorInfo | null {
  const plan = winogradPlan(backend, g, { bias: false, relu: false }, tile);
  if (plan == null) return null;
  const { w, cp, co, T, tilesW, hp, wp, tilesPerImage, total, rowBytes } = plan;
  const { n } = w;

  const xpInfo = backend.makeOutput([g.batch, hp, wp, cp], 'float32');
  const vInfo = backend.makeOutput([plan.planes(cp)], 'float32');
  const yInfo = backend.makeOutput([plan.planes(co)], 'float32');
  const accInfo = backend.makeOutput([n * n, cp, co], 'float32');
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
  // dW[ky][kx] = Σ_{a,b} G[a][ky] · acc[n·a + b] · G[b][kx]
  plan.fn('filterGradOut')(acc.byteOffset, heapF32(backend, out).byteOffset, g.inC);
  release(backend, xpInfo, vInfo, yInfo, accInfo);
  return out;
}
