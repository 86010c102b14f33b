import { type NpyArray, parseNpy } from '@camkit/core';

/**
 * Fetch-and-parse cache for .npy maps, least recently used first out. Flipping between classes
 * and methods re-reads the same few files; 1,000 images must not keep 1,000 maps alive.
 */
export class NpyCache {
  private readonly entries = new Map<string, Promise<NpyArray>>();

  constructor(
    private readonly capacity = 64,
    private readonly fetchFn: (url: string) => Promise<Pick<Response, 'ok' | 'status' | 'arrayBuffer'>> = (
      u,
    ) => fetch(u),
  ) {}

  get(url: string): Promise<NpyArray> {
    const hit = this.entries.get(url);
    if (hit) {
      this.entries.delete(url);
      this.entries.set(url, hit);
      return hit;
    }
    const p = (async () => {
      const res = await this.fetchFn(url);
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      return parseNpy(new Uint8Array(await res.arrayBuffer()), url);
    })();
    // A failed load is not cached, so a retry can succeed.
    p.catch(() => this.entries.delete(url));
    this.entries.set(url, p);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return p;
  }

  get size(): number {
    return this.entries.size;
  }
}
