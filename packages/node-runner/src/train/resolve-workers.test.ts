import { describe, expect, it } from 'vitest';
import { resolveWorkers } from './resolve-workers.js';

describe('resolveWorkers', () => {
  it("'auto' takes both cores on wasm only when the second core is free", () => {
    expect(resolveWorkers('auto', 'wasm', 2, 0.3)).toBe(2);
    expect(resolveWorkers(undefined, 'wasm', 2, 1.0)).toBe(2);
    expect(resolveWorkers('auto', 'wasm', 2, 1.5)).toBe(1);
    expect(resolveWorkers('auto', 'wasm', 1, 0)).toBe(1);
    expect(resolveWorkers('auto', 'cpu', 8, 0)).toBe(1);
  });

  it('an explicit count is kept, and more than one needs wasm', () => {
    expect(resolveWorkers(1, 'wasm', 2, 9)).toBe(1);
    expect(resolveWorkers(2, 'wasm', 2, 9)).toBe(2);
    expect(() => resolveWorkers(2, 'cpu', 2, 0)).toThrow(
      /--workers 2: data-parallel training needs --backend wasm/,
    );
  });
});
