import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { WasmBackendLike } from '../wasm-kernel-calls.js';

/**
 * Filters derived from a weight tensor — Winograd's U = G g Gᵀ, the flipped and transposed filter
 * of an input gradient, Wᵀ for a strided one — kept for a filter that comes back unchanged. Inference
 * and explanation run the same weights on every call, and at small spatial sizes the transform is
 * much of a conv's time (ResNet-18's 7×7×512 convs: 16.8 MB of U written per call, then read by
 * the GEMMs). tfjs tensors are immutable — new weights (`assign`, `setWeights`, an optimiser step)
 * arrive under a new dataId — so a dataId's U never goes stale; it is freed when that dataId's
 * buffer is freed.
 *
 * A filter is cached only the second time it is seen with the same transform: a training step
 * uses each weight tensor once per transform (the forward conv, the input gradient's flip), so
 * training keeps allocating nothing it does not need. A derived filter is a tensor like any other:
 * a cached flip gets its own U, freed with it when the weight tensor goes.
 */
const MAX_CACHED_BYTES = 256 * 1024 * 1024;

interface BackendCache {
  /** dataId → the transforms seen once. */
  seen: WeakMap<object, Set<string>>;
  /** dataId → transform key → U. */
  kept: Map<object, Map<string, TensorInfo>>;
  bytes: number;
}

const caches = new WeakMap<WasmBackendLike, BackendCache>();

/** The backend's cache, its `disposeData` taught to free a filter's U with the filter's buffer. */
function cacheFor(backend: WasmBackendLike): BackendCache {
  const cache = caches.get(backend);
  if (cache) return cache;
  const made: BackendCache = { seen: new WeakMap(), kept: new Map(), bytes: 0 };
  const dispose = backend.disposeData.bind(backend);
  backend.disposeData = (dataId: object, force?: boolean): boolean => {
    const freed = dispose(dataId, force);
    const entries = freed ? made.kept.get(dataId) : undefined;
    if (entries) {
      made.kept.delete(dataId);
      for (const u of entries.values()) {
        made.bytes -= bytesOf(u);
        // Through the wrapped disposeData: a derived filter's own derived filters go too.
        backend.disposeData(u.dataId, true);
      }
    }
    return freed;
  };
  caches.set(backend, made);
  return made;
}

const bytesOf = (info: TensorInfo): number => info.shape.reduce((a, b) => a * b, 1) * 4;

/**
 * The filter derived from `filter` under `key` (which transform, and its shape): `{ u, owned }`,
 * `owned` meaning the caller frees `u` after use. `fill` computes it into a fresh float32 buffer
 * of `shape` (Winograd's U: `[n², cp, co]`); it runs on a cache miss only.
 */
export function transformedFilter(
  backend: WasmBackendLike,
  filter: TensorInfo,
  key: string,
  shape: number[],
  fill: (u: TensorInfo) => void,
): { u: TensorInfo; owned: boolean } {
  const cache = cacheFor(backend);
  const hit = cache.kept.get(filter.dataId)?.get(key);
  if (hit) return { u: hit, owned: false };
  const u = backend.makeOutput(shape, 'float32');
  fill(u);
  const seen = cache.seen.get(filter.dataId);
  if (!seen?.has(key)) {
    if (seen) seen.add(key);
    else cache.seen.set(filter.dataId, new Set([key]));
    return { u, owned: true };
  }
  if (cache.bytes + bytesOf(u) > MAX_CACHED_BYTES) return { u, owned: true };
  let entries = cache.kept.get(filter.dataId);
  if (!entries) {
    entries = new Map();
    cache.kept.set(filter.dataId, entries);
  }
  entries.set(key, u);
  cache.bytes += bytesOf(u);
  return { u, owned: false };
}

/** Bytes of transformed filters the backend holds now (for tests and benches). */
export function cachedFilterBytes(backend: WasmBackendLike): number {
  return caches.get(backend)?.bytes ?? 0;
}
