import { Rng } from '@camkit/core';

// One seeded stream per test file (each file is its own process): successive draws differ, and a
// failure reproduces with the same inputs. CAMKIT_TEST_SEED picks another stream.
const stream = new Rng(Number(process.env.CAMKIT_TEST_SEED ?? 20261201));

/** Standard normal draws (Box-Muller) from camkit's seeded Rng. */
export function randn(size: number): Float32Array {
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    const u = 1 - stream.next();
    const v = stream.next();
    out[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  return out;
}

/** Uniform draws in [-1, 1) from their own Rng, seeded by `seed`. */
export function seededUniform(seed: number, size: number): Float32Array {
  const rng = new Rng(seed);
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) out[i] = rng.nextUint32() / 2 ** 31 - 1;
  return out;
}
