import { Rng } from '../data/prng.js';

/**
 * Deterministic standard-normal samples (mulberry32 + Box-Muller), generated on the host so the
 * same seed gives the same noise on every backend and every call. (tfjs's seeded randomNormal
 * gave a different first draw in one process in our tests.)
 */
export function seededNormal(count: number, seed: number): Float32Array {
  const rng = new Rng((seed >>> 0) ^ 0x9e3779b9);
  const uniform = (): number => (rng.nextUint32() + 0.5) / 4294967296; // in (0, 1): log() stays finite
  const out = new Float32Array(count);
  for (let i = 0; i < count; i += 2) {
    const r = Math.sqrt(-2 * Math.log(uniform()));
    const theta = 2 * Math.PI * uniform();
    out[i] = r * Math.cos(theta);
    if (i + 1 < count) out[i + 1] = r * Math.sin(theta);
  }
  return out;
}
