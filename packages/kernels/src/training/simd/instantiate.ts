import type { WasmBackendLike } from '../wasm-kernel-calls.js';

type Exports = Record<string, (...args: number[]) => void>;

// Generated modules, per wasm backend memory (each worker thread has its own backend) and per key
// (the shape parameters baked into the code). null: it could not be compiled here (no wasm SIMD).
const modules = new WeakMap<WebAssembly.Memory, Map<string, Exports | null>>();
const MAX_PER_MEMORY = 64;
// A module that does not compile means this runtime lacks something the kernels need (wasm SIMD,
// or a browser main thread refusing synchronous compiles): said once, then the fallbacks run.
let warned = false;

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
  build: (shared: boolean) => Uint8Array<ArrayBuffer>,
): Exports | null {
  const memory = backendMemory(backend);
  if (memory == null) return null;
  let cache = modules.get(memory);
  if (cache == null) {
    cache = new Map();
    modules.set(memory, cache);
  }
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let exports: Exports | null = null;
  try {
    const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
    // Synchronous compile: the modules are a few kB (browsers allow sync compiles of ≤ 4 kB on the
    // main thread only; these kernels are for Node and workers).
    const instance = new WebAssembly.Instance(new WebAssembly.Module(build(shared)), { env: { memory } });
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
  cache.set(key, exports);
  return exports;
}
