import { describe, expect, it } from 'vitest';
import { resolveConcurrency } from './resolve-concurrency.js';

function recorder() {
  const lines: string[] = [];
  return { lines, log: { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) } };
}

describe('resolveConcurrency', () => {
  it("'auto' follows train's --workers auto rule and says what it picked", () => {
    const r = recorder();
    expect(resolveConcurrency('auto', 'wasm', r.log, 2, 0.4)).toBe(2);
    expect(resolveConcurrency('auto', 'wasm', r.log, 2, 1.5)).toBe(1);
    expect(resolveConcurrency('auto', 'wasm', r.log, 1, 0)).toBe(1);
    expect(resolveConcurrency('auto', 'cpu', r.log, 8, 0)).toBe(1);
    expect(r.lines[0]).toBe('--concurrency auto: 2 (wasm, 2 core(s), 1-min load 0.40)');
    expect(r.lines).toHaveLength(4);
  });

  it('keeps an explicit count on wasm; on another backend N > 1 falls back to 1 with a note', () => {
    const r = recorder();
    expect(resolveConcurrency(3, 'wasm', r.log, 2, 9)).toBe(3);
    expect(resolveConcurrency(1, 'cpu', r.log, 2, 0)).toBe(1);
    expect(r.lines).toEqual([]);
    expect(resolveConcurrency(2, 'webgpu', r.log, 2, 0)).toBe(1);
    expect(r.lines).toEqual([
      '--concurrency 2: worker threads run the wasm backend only (running webgpu); explaining in this thread',
    ]);
  });
});
