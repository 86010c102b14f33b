import { describe, expect, it } from 'vitest';
import { Rng } from './prng.js';

/** mulberry32 written out from its published definition, in BigInt arithmetic mod 2³². */
function reference(seed: number, n: number): number[] {
  const M = 0xffffffffn;
  const imul = (a: bigint, b: bigint) => (a * b) & M;
  let a = BigInt(seed >>> 0);
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    a = (a + 0x6d2b79f5n) & M;
    let t = imul(a ^ (a >> 15n), a | 1n);
    t = ((t + imul(t ^ (t >> 7n), t | 61n)) & M) ^ t;
    out.push(Number((t ^ (t >> 14n)) & M));
  }
  return out;
}

describe('Rng (mulberry32)', () => {
  it('matches the generator computed independently in BigInt for several seeds', () => {
    for (const seed of [0, 1, 42, 0x9e3779b9, -7]) {
      const rng = new Rng(seed);
      expect(Array.from({ length: 50 }, () => rng.nextUint32())).toEqual(reference(seed, 50));
    }
  });

  it('int(lo, hi) stays inclusive, shuffle permutes, and state resumes the same stream', () => {
    const rng = new Rng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(rng.int(-2, 2));
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2]);
    const arr = Array.from({ length: 20 }, (_, i) => i);
    expect([...rng.shuffle([...arr])].sort((a, b) => a - b)).toEqual(arr);
    const state = rng.getState();
    const a = [rng.next(), rng.next()];
    rng.setState(state);
    expect([rng.next(), rng.next()]).toEqual(a);
  });
});
