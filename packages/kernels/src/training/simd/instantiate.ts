import type { WasmBackendLike } from '../wasm-kernel-calls.js';
import type { WasmTarget } from './wasm-writer.js';

type Exports = Record<string, (...args: number[]) => void>;

// Generated modules, per wasm backend memory (each worker thread has its own backend) and per key
// (the shape parameters baked into the code). null: it could not be compiled here (no wasm SIMD).
const modules = new WeakMap<WebAssembly.Memory, Map<string, Exports | null>>();
const MAX_PER_MEMORY = 64;
// A module that does not compile means this runtime lacks something the kernels need (wasm SIMD,
// or a browser main thread refusing synchronous compiles): said once, then the fallbacks run.
let warned = false;

// (func (param v128 v128 v128) (result v128) local.get 0 local.get 1 local.get 2 f32x4.relaxed_madd)
const RELAXED_SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x01, 0x60, 0x03, 0x7b, 0x7b, 0x7b, 0x01, 0x7b,
  0x03, 0x02, 0x01, 0x00, 0x0a, 0x0d, 0x01, 0x0b, 0x00, 0x20, 0x00, 0x20, 0x01, 0x20, 0x02, 0xfd, 0x85, 0x02,
  0x0b,
]);
let relaxedSimdAllowed = true;
// The probe's answer, kept: generatedKernel asks on every kernel call. Only a V8 flag set later
// (enableWasmRelaxedSimd) changes it, and that re-probes.
let relaxedSimdValid: boolean | null = null;

/**
 * Whether this runtime validates wasm relaxed SIMD (`f32x4.relaxed_madd`); `reprobe` asks again
 * (after a V8 flag changed what validates).
 */
export function relaxedSimdSupported(reprobe = false): boolean {
  if (relaxedSimdValid == null || reprobe)
    relaxedSimdValid = typeof WebAssembly !== 'undefined' && WebAssembly.validate(RELAXED_SIMD_PROBE);
  return relaxedSimdValid;
}

/**
 * Whether the generated kernels compiled from now on use relaxed SIMD's fused multiply-add: where
 * the runtime supports it, unless {@link useRelaxedSimd}(false) turned it off.
 */
export function relaxedSimdInUse(): boolean {
  return relaxedSimdAllowed && relaxedSimdSupported();
}

/**
 * Lets the generated kernels use relaxed SIMD's fused multiply-add where the runtime has it (the
 * default), or not. Off gives float32 results that are the same on every CPU (relaxed_madd is fused
 * on CPUs with FMA and not on others) at the speed of separate multiplies and adds. Modules already
 * compiled keep their code; each variant is cached under its own key.
 */
export function useRelaxedSimd(enabled: boolean): void {
  relaxedSimdAllowed = enabled;
}

/** The wasm backend's `WebAssembly.Memory` (Emscripten's `Module.asm.memory`), if reachable. */
export function backendMemory(backend: WasmBackendLike): WebAssembly.Memory | undefined {
  const memory = (backend as unknown as { wasm?: { asm?: { memory?: unknown } } }).wasm?.asm?.memory;
  return memory instanceof WebAssembly.Memory ? memory : undefined;
}

/**
 * Instantiates a generated module against the backend's memory, so its functions read and write
 * tensors in place; cached per memory and key. Returns null where it cannot run (no SIMD, memory
 * not reachable), and the caller falls back to a stock formulation; the first module that fails
 * to compile is reported once on stderr (console.warn), so a slow fallback is never silent.
 */
export function generatedKernel(
  backend: WasmBackendLike,
  key: string,
  build: (target: WasmTarget) => Uint8Array<ArrayBuffer>,
): Exports | null {
  const memory = backendMemory(backend);
  if (memory == null) return null;
  let cache = modules.get(memory);
  if (cache == null) {
    cache = new Map();
    modules.set(memory, cache);
  }
  const relaxedSimd = relaxedSimdInUse();
  const variant = relaxedSimd ? `${key}+fma` : key;
  const hit = cache.get(variant);
  if (hit !== undefined) return hit;
  let exports: Exports | null = null;
  try {
    const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
    // Synchronous compile: the modules are a few kB (browsers allow sync compiles of ≤ 4 kB on the
    // main thread only; these kernels are for Node and workers).
    const bytes = build({ shared, relaxedSimd });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
    exports = instance.exports as unknown as Exports;
  } catch (e) {
    exports = null;
    if (!warned) {
      warned = true;
      const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0];
      console.warn(
        `@camkit/kernels: a generated wasm SIMD kernel (${key}) does not compile here (${reason}); using the slower fallbacks from now on`,
      );
    }
  }
  if (cache.size >= MAX_PER_MEMORY) cache.delete(cache.keys().next().value as string);
  cache.set(variant, exports);
  return exports;
}
