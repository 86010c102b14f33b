import { afterAll, beforeAll, expect } from 'vitest';
import { relaxedSimdInUse, useRelaxedSimd } from '../src/training/simd/instantiate.js';

/**
 * The two multiply-add forms the generated kernels are compiled in: relaxed SIMD's fused
 * `f32x4.relaxed_madd` (used where the runtime validates it; the unit tests' setup turns the Node 20
 * flag on) and separate `f32x4.mul` + `f32x4.add`. Kernel tests run under both.
 */
export const MULTIPLY_ADD_MODES = [
  { name: 'relaxed-SIMD madd', relaxed: true },
  { name: 'f32x4 mul + add', relaxed: false },
] as const;

/** For the enclosing describe: compile generated kernels in `mode`, and prove that it is in use. */
export function useMultiplyAdd(mode: (typeof MULTIPLY_ADD_MODES)[number]): void {
  beforeAll(() => {
    useRelaxedSimd(mode.relaxed);
    // Not silently the other form: the fused one must really be available where it is tested.
    expect(relaxedSimdInUse()).toBe(mode.relaxed);
  });
  afterAll(() => useRelaxedSimd(true));
}
