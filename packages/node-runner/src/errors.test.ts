import { ManifestSchema } from '@camkit/core';
import { describe, expect, it } from 'vitest';
import { oneLine } from './errors.js';

describe('oneLine', () => {
  it('reports a zod error that escaped validation as its first issue, not a JSON dump', () => {
    const r = ManifestSchema.safeParse({ version: 1, createdAt: 3 });
    expect(r.success).toBe(false);
    const line = oneLine(r.error);
    expect(line.startsWith('[')).toBe(false);
    expect(line).toMatch(/^invalid data: createdAt: [^\n]+ \(and \d+ more\)$/);
  });

  it('keeps the first line of any other error', () => {
    expect(oneLine(new Error('first\nsecond'))).toBe('first');
  });
});
