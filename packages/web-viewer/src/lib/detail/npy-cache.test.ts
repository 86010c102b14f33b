import { encodeNpy } from '@camkit/core';
import { describe, expect, it } from 'vitest';
import { NpyCache } from './npy-cache.js';

function server() {
  const calls: string[] = [];
  const fetchFn = async (url: string) => {
    calls.push(url);
    if (url.endsWith('missing.npy'))
      return { ok: false, status: 404, arrayBuffer: async () => new ArrayBuffer(0) };
    const n = Number(url.match(/(\d+)\.npy$/)?.[1] ?? 0);
    const bytes = encodeNpy({ data: new Float32Array([n, n + 0.5]), shape: [1, 2] });
    return { ok: true, status: 200, arrayBuffer: async () => bytes.slice().buffer };
  };
  return { calls, fetchFn };
}

describe('NpyCache', () => {
  it('parses fetched .npy bytes and fetches each URL once', async () => {
    const s = server();
    const c = new NpyCache(4, s.fetchFn);
    const a = await c.get('http://h/7.npy');
    expect(a.shape).toEqual([1, 2]);
    expect(Array.from(a.data)).toEqual([7, 7.5]);
    await c.get('http://h/7.npy');
    expect(s.calls).toEqual(['http://h/7.npy']);
  });

  it('evicts the least recently used entry past capacity', async () => {
    const s = server();
    const c = new NpyCache(2, s.fetchFn);
    await c.get('http://h/1.npy');
    await c.get('http://h/2.npy');
    await c.get('http://h/1.npy'); // 1 is now the most recent
    await c.get('http://h/3.npy'); // evicts 2
    expect(c.size).toBe(2);
    await c.get('http://h/1.npy');
    await c.get('http://h/2.npy');
    expect(s.calls).toEqual(['http://h/1.npy', 'http://h/2.npy', 'http://h/3.npy', 'http://h/2.npy']);
  });

  it('rejects on HTTP errors and does not cache the failure', async () => {
    const s = server();
    const c = new NpyCache(4, s.fetchFn);
    await expect(c.get('http://h/missing.npy')).rejects.toThrow('HTTP 404');
    await expect(c.get('http://h/missing.npy')).rejects.toThrow('HTTP 404');
    expect(s.calls).toHaveLength(2);
  });
});
