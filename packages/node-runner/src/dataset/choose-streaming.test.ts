import { describe, expect, it } from 'vitest';
import { chooseStreaming } from './choose-streaming.js';

describe('chooseStreaming', () => {
  it('auto streams when the float32 images exceed the 1 GiB budget', () => {
    // 60,000 × 64 × 64 × 3 × 4 B = 2,949,120,000 B = 2.75 GiB > 1 GiB.
    const big = chooseStreaming('auto', 60_000, 64, 64);
    expect(big.stream).toBe(true);
    expect(big.reason).toBe(
      '--stream auto: 60000 images × 64×64×3 float32 = 2.75 GiB > the 1.00 GiB in-memory budget',
    );
    // 60,000 × 28 × 28 × 3 × 4 B = 564,480,000 B = 538 MiB ≤ 1 GiB.
    const small = chooseStreaming('auto', 60_000, 28, 28);
    expect(small.stream).toBe(false);
    expect(small.reason).toMatch(/= 538 MiB ≤ the 1\.00 GiB/);
    // The boundary: exactly the budget stays in memory, one more image streams.
    expect(chooseStreaming('auto', 2 ** 30 / (8 * 8 * 3 * 4), 8, 8).stream).toBe(false);
    expect(chooseStreaming('auto', 2 ** 30 / (8 * 8 * 3 * 4) + 1, 8, 8).stream).toBe(true);
  });

  it('on and off are obeyed whatever the size', () => {
    expect(chooseStreaming('on', 10, 8, 8)).toMatchObject({
      stream: true,
      reason: /^--stream on; 10 images/,
    });
    expect(chooseStreaming('off', 1e6, 64, 64).stream).toBe(false);
  });
});
