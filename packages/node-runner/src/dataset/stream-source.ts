import { CliError } from '../errors.js';
import { bytesToUnit, decodeImageBytes } from '../images/load-image.js';
import type { ImageSource } from './image-source.js';

/** Default bytes of decoded images a stream keeps (as RGB bytes, a quarter of float32). */
export const DEFAULT_CACHE_BYTES = 256 * 2 ** 20;
/** The cache holds at least this many images, so a few prefetched batches always fit. */
const MIN_CACHED = 256;

/** Decoded images of one file list, kept in a bounded least-recently-used map. */
class DecodeCache {
  readonly capacity: number;
  /** Promises, so a decode in flight (a prefetch) is shared with the read that wants it. */
  private readonly entries = new Map<number, Promise<Uint8Array>>();
  decodes = 0;
  hits = 0;

  constructor(
    readonly files: readonly string[],
    readonly height: number,
    readonly width: number,
    cacheBytes: number,
  ) {
    this.capacity = Math.max(MIN_CACHED, Math.floor(cacheBytes / (height * width * 3)));
  }

  get size(): number {
    return this.entries.size;
  }

  get(file: number, counts: boolean): Promise<Uint8Array> {
    const hit = this.entries.get(file);
    if (hit) {
      // Most recently used goes last; Map keeps insertion order, so the first key is the oldest.
      this.entries.delete(file);
      this.entries.set(file, hit);
      if (counts) this.hits++;
      return hit;
    }
    const p = decodeImageBytes(this.files[file], this.height, this.width).then(
      (d) => d.data,
      (err: Error) => {
        this.entries.delete(file); // a later read retries (and reports) instead of a stale rejection
        throw err;
      },
    );
    p.catch(() => {}); // a prefetch nobody reads must not become an unhandled rejection
    this.decodes++;
    this.entries.set(file, p);
    while (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value as number);
    }
    return p;
  }

  has(file: number): boolean {
    return this.entries.has(file);
  }
}

/**
 * Images streamed from disk: file names and labels in memory, pixels decoded (sharp, on libuv's
 * threads, so decoding overlaps the training step on the main thread) when read or prefetched,
 * and kept in a bounded decode cache shared by every subset. A read returns exactly what
 * `loadImage` returns for the file, so training on a stream equals training in memory.
 */
export class StreamSource implements ImageSource {
  readonly channels = 3;

  private constructor(
    private readonly cache: DecodeCache,
    private readonly map: Int32Array,
    readonly labels: Int32Array,
  ) {}

  /** Streams `files` (with `labels`) decoded at `height`×`width`; `cacheBytes` bounds the cache. */
  static open(
    files: readonly string[],
    labels: ArrayLike<number>,
    height: number,
    width: number,
    cacheBytes = DEFAULT_CACHE_BYTES,
  ): StreamSource {
    if (files.length !== labels.length) throw new Error(`${files.length} files but ${labels.length} labels`);
    const cache = new DecodeCache(files, height, width, cacheBytes);
    return new StreamSource(
      cache,
      Int32Array.from(files, (_, i) => i),
      Int32Array.from(labels),
    );
  }

  get height(): number {
    return this.cache.height;
  }

  get width(): number {
    return this.cache.width;
  }

  /** Files of items 0..n−1. */
  get files(): string[] {
    return Array.from(this.map, (i) => this.cache.files[i]);
  }

  /** Items `indices` of this source, sharing its decode cache (a train/validation split). */
  subset(indices: readonly number[]): StreamSource {
    const map = Int32Array.from(indices, (i) => this.map[this.check(i)]);
    const labels = Int32Array.from(indices, (i) => this.labels[i]);
    return new StreamSource(this.cache, map, labels);
  }

  /** Decodes so far, cache hits (reads served without a decode), and the cache's bounds. */
  stats(): { decodes: number; hits: number; cached: number; capacity: number } {
    const c = this.cache;
    return { decodes: c.decodes, hits: c.hits, cached: c.size, capacity: c.capacity };
  }

  prefetch(indices: readonly number[]): void {
    for (const i of indices) {
      const f = this.map[this.check(i)];
      if (!this.cache.has(f)) this.cache.get(f, false);
    }
  }

  async read(indices: readonly number[]): Promise<Float32Array[]> {
    const pending = indices.map((i) => this.cache.get(this.map[this.check(i)], true));
    try {
      return (await Promise.all(pending)).map((b) => bytesToUnit(b));
    } catch (err) {
      // Streaming checked only the headers up front; a body that fails to decode is found here,
      // mid-run, and cannot be skipped without changing the batches.
      throw new CliError(
        `${(err as Error).message}; its header was readable, so streaming kept it (fix or remove the file, or --stream off, which skips it)`,
      );
    }
  }

  private check(i: number): number {
    if (!(Number.isInteger(i) && i >= 0 && i < this.labels.length)) {
      throw new RangeError(`image index ${i} outside 0..${this.labels.length - 1}`);
    }
    return i;
  }
}
