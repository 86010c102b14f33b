import { describe, expect, it } from 'vitest';
import { learningRateAt } from './lr-schedule.js';

describe('learningRateAt', () => {
  it('cosine: linear warm-up, then half a cosine to 0 at the last step (hand-worked values)', () => {
    const o = { schedule: 'cosine' as const, base: 0.01, totalSteps: 11, warmupSteps: 2 };
    expect(learningRateAt(0, o)).toBeCloseTo(0.005, 12); // 0.01 · 1/2
    expect(learningRateAt(1, o)).toBeCloseTo(0.01, 12); // 0.01 · 2/2
    // Steps 2..10 map to t = 0, 1/8, ..., 1.
    expect(learningRateAt(2, o)).toBeCloseTo(0.01, 12);
    expect(learningRateAt(4, o)).toBeCloseTo(0.005 * (1 + Math.SQRT1_2), 12); // t = 1/4
    expect(learningRateAt(6, o)).toBeCloseTo(0.005, 12); // t = 1/2: cos = 0
    expect(learningRateAt(10, o)).toBeCloseTo(0, 12);
  });

  it("onecycle: PyTorch OneCycleLR's defaults (div 25, final div 1e4, 30 % up)", () => {
    // total 21 → up-phase ends at step floor(0.3·21) − 1 = 5.
    const o = { schedule: 'onecycle' as const, base: 0.1, totalSteps: 21, warmupSteps: 0 };
    expect(learningRateAt(0, o)).toBeCloseTo(0.004, 12);
    expect(learningRateAt(5, o)).toBeCloseTo(0.1, 12);
    // Down phase: steps 5..20, t = (s − 5)/15; at s = 12.5 would be the midpoint; s = 20 is the end.
    expect(learningRateAt(20, o)).toBeCloseTo(0.004 / 1e4, 12);
    const mid = learningRateAt(5 + 7.5, o);
    expect(mid).toBeCloseTo((0.1 + 0.004 / 1e4) / 2, 12);
  });

  it('constant is constant', () => {
    const o = { schedule: 'constant' as const, base: 0.003, totalSteps: 100, warmupSteps: 10 };
    expect([0, 9, 50, 99].map((s) => learningRateAt(s, o))).toEqual([0.003, 0.003, 0.003, 0.003]);
  });
});
