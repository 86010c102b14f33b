import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { ConvGeometry } from '../conv-geometry.js';
import { heapF32, release, type WasmBackendLike } from '../wasm-kernel-calls.js';
import { writeFilterGradModule } from './filter-grad-module.js';
import { generatedKernel } from './instantiate.js';
import { padInput } from './pad-input.js';
import { dilatedWinogradFilterGrad3x3 } from './dilated-winograd.js';
import { winogradFilterGrad3x3 } from './winograd-conv.js';

/** Whether {@link conv2DBackpropFilterSimd} handles this geometry (else use the XNNPACK path). */
export function simdFilterGradApplies(g: ConvGeometry): boolean {
  return g.outC % 4 === 0 && g.batch > 0 && g.outH > 0 && g.outW > 0;
}

/** Positions per block: the dy rows and the xp rows they read should stay in L2 (~192 kB). */
function rowBlockFor(g: ConvGeometry, cp: number, wp: number): number {
  const bytesPerRow = (g.strideH * wp * cp + g.outW * g.outC) * 4;
  return Math.max(1, Math.min(g.outH, Math.floor((192 * 1024) / bytesPerRow)));
}

/**
 * `Conv2DBackpropFilter` on the generated wasm SIMD kernel (see `filter-grad-module.ts`), reading
 * and writing the wasm backend's heap in place. Returns `null` when the kernel cannot run here
 * (no SIMD, memory not reachable), so the caller can use the XNNPACK formulation instead.
 */
export function conv2DBackpropFilterSimd(
  backend: WasmBackendLike,
  x: TensorInfo,
  dy: TensorInfo,
  g: ConvGeometry,
): TensorInfo | null {
  if (!simdFilterGradApplies(g)) return null;
  if (g.kH === 3 && g.kW === 3 && g.strideH === 1 && g.strideW === 1 && g.dilationH === g.dilationW) {
    const viaWinograd =
      g.dilationH === 1
        ? winogradFilterGrad3x3(backend, x, dy, g)
        : dilatedWinogradFilterGrad3x3(backend, x, dy, { ...g, dilation: g.dilationH });
    if (viaWinograd != null) return viaWinograd;
  }
  const kernel = generatedKernel(backend, 'filterGrad', writeFilterGradModule)?.filterGrad;
  if (kernel == null) return null;

  const cp = Math.ceil(g.inC / 4) * 4;
  const hp = (g.outH - 1) * g.strideH + (g.kH - 1) * g.dilationH + 1;
  const wp = (g.outW - 1) * g.strideW + (g.kW - 1) * g.dilationW + 1;
  const xpInfo = backend.makeOutput([g.batch, hp, wp, cp], 'float32');
  const accInfo = backend.makeOutput([g.kH, g.kW, cp, g.outC], 'float32');
  const outInfo = cp === g.inC ? accInfo : backend.makeOutput([g.kH, g.kW, g.inC, g.outC], 'float32');
  // Views only after the last allocation (memory growth detaches earlier ones).
  const xs = heapF32(backend, x);
  const xpv = heapF32(backend, xpInfo);
  const accv = heapF32(backend, accInfo);
  padInput(xs, xpv, g, cp, hp, wp);
  accv.fill(0);

  const rowBlock = rowBlockFor(g, cp, wp);
  const rowBytes = wp * cp * 4;
  kernel(
    xpv.byteOffset,
    heapF32(backend, dy).byteOffset,
    accv.byteOffset,
    g.batch,
    g.outH,
    g.outW,
    cp,
    g.outC,
    g.kH,
    g.kW,
    hp * rowBytes,
    g.strideW * cp * 4,
    g.strideH * rowBytes,
    g.dilationH * rowBytes,
    g.dilationW * cp * 4,
    rowBlock,
  );
  release(backend, xpInfo);
  if (outInfo === accInfo) return accInfo;
  const out = heapF32(backend, outInfo);
  const taps = g.kH * g.kW;
  for (let t = 0; t < taps; t++) {
    out.set(accv.subarray(t * cp * g.outC, (t * cp + g.inC) * g.outC), t * g.inC * g.outC);
  }
  release(backend, accInfo);
  return outInfo;
}
