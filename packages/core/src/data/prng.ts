/**
 * camkit's one seeded pseudo-random source: mulberry32 (Tommy Ettinger's 32-bit generator), tiny,
 * fast and identical in every JS engine. The synthetic dataset, SmoothGrad's noise, the CLI's
 * split, shuffles, augmentation and weight init all draw from it, so a seed reproduces a run.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The next raw 32-bit output, in [0, 2³²). */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** Fisher-Yates shuffle in place; returns `arr`. */
  shuffle<T>(arr: T[]): T[] {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [arr[i], arr[j]] = [arr[j], arr[i]];
    }
    return arr;
  }

  /** Snapshot of the internal state, to resume the same stream (e.g. after a crash). */
  getState(): number {
    return this.state;
  }

  setState(state: number): void {
    this.state = state >>> 0;
  }
}

/** splitmix32 finaliser: spreads (seed, index) pairs so neighbouring samples get unrelated streams. */
export function mixSeed(seed: number, index: number): number {
  let z = (Math.imul(seed | 0, 0x9e3779b9) + Math.imul(index | 0, 0x85ebca6b) + 0x6d2b79f5) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A fresh {@link Rng} for `seed`. */
export function mulberry32(seed: number): Rng {
  return new Rng(seed);
}
