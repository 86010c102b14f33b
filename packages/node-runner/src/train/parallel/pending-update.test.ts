import { describe, expect, it } from 'vitest';
import { PendingUpdate } from './pending-update.js';

describe('PendingUpdate', () => {
  it('hands out what was set once, then nothing', () => {
    const pending = new PendingUpdate();
    expect(pending.take()).toEqual({ apply: null, lr: null, weights: null });
    const sum = [Float32Array.from([1])];
    const weights = [Float32Array.from([2])];
    pending.setGradients(sum, 0.5);
    pending.setWeights(weights);
    const out = pending.take();
    expect(out.apply).toBe(sum);
    expect(out.lr).toBe(0.5);
    expect(out.weights).toBe(weights);
    expect(pending.take()).toEqual({ apply: null, lr: null, weights: null });
  });
});
