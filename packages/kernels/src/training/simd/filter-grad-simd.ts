import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { ConvGeometry } from '../conv-geometry.js';
import { heapF32, release, type WasmBackendLike } from '../wasm-kernel-calls.js';
import { writeFilterGradModule } from './filter-grad-module.js';

type FilterGradFn = (...args: number[]) => void;

// One instance per wasm backend memory (each worker thread has its own backend and memory).
const instances = new WeakMap<WebAssembly.Memory, FilterGradFn | null>();

/** The wasm backend's `WebAssembly.Memory` (Emscripten's `Module.asm.memory`), if reachable. */
function backendMemory(backend: WasmBackendLike): WebAssembly.Memory | undefined {
  const memory = (backend as unknown as { wasm?: { asm?: { memory?: unknown } } }).wasm?.asm?.memory;
  return memory instanceof WebAssembly.Memory ? memory : undefined;
}

function kernelFor(memory: WebAssembly.Memory): FilterGradFn | null {
  const cached = instances.get(memory);
  if (cached !== undefined) return cached;
  let fn: FilterGradFn | null = null;
  try {
    const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
    const bytes = writeFilterGradModule(shared);
    // Synchronous compile: the module is ~1 kB (browsers allow sync compiles up to 4 kB on the main thread).
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
    fn = instance.exports.filterGrad as FilterGradFn;
  } catch {
    fn = null; // no wasm SIMD here: the caller falls back to the XNNPACK formulation
  }
  instances.set(memory, fn);
  return fn;
}

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
  const memory = backendMemory(backend);
  const kernel = memory ? kernelFor(memory) : null;
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

/** xp[n, y, x, c] = x[n, y − padTop, x − padLeft, c], zero outside x and for c ≥ inC. */
function padInput(
  xs: Float32Array,
  xp: Float32Array,
  g: ConvGeometry,
  cp: number,
  hp: number,
  wp: number,
): void {
  xp.fill(0);
  const { inH, inW, inC, padTop, padLeft } = g;
  // Source columns that land inside xp.
  const x0 = Math.max(0, -padLeft);
  const x1 = Math.min(inW, wp - padLeft);
  if (x1 <= x0) return;
  for (let n = 0; n < g.batch; n++) {
    for (let yy = Math.max(0, -padTop); yy < Math.min(inH, hp - padTop); yy++) {
      const src = ((n * inH + yy) * inW + x0) * inC;
      const dst = ((n * hp + yy + padTop) * wp + x0 + padLeft) * cp;
      if (cp === inC) {
        xp.set(xs.subarray(src, src + (x1 - x0) * inC), dst);
      } else {
        for (let i = 0; i < x1 - x0; i++) {
          for (let c = 0; c < inC; c++) xp[dst + i * cp + c] = xs[src + i * inC + c] as number;
        }
      }
    }
  }
}
