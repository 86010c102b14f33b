import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveLayout } from './resolve-layout.js';

function tree(paths: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'camkit-layout-'));
  for (const p of paths) {
    mkdirSync(join(root, p), { recursive: true });
    writeFileSync(join(root, p, 'x.png'), '');
  }
  return root;
}

describe('resolveLayout', () => {
  it('ROOT/<class>/: everything is training data', () => {
    const root = tree(['cat', 'dog']);
    expect(resolveLayout(root)).toEqual({ train: root, val: null, test: null });
  });

  it('ROOT/train|test/<class>/ and ROOT/train|val|test/<class>/ use the given splits', () => {
    const a = tree(['train/cat', 'train/dog', 'test/cat', 'test/dog']);
    expect(resolveLayout(a)).toEqual({ train: join(a, 'train'), val: null, test: join(a, 'test') });
    const b = tree(['train/cat', 'Validation/cat', 'test/cat']);
    expect(resolveLayout(b)).toEqual({
      train: join(b, 'train'),
      val: join(b, 'Validation'),
      test: join(b, 'test'),
    });
  });

  it('a class that happens to be called train, beside other classes, is a class', () => {
    const root = tree(['train', 'car', 'bus']);
    expect(resolveLayout(root).train).toBe(root);
  });

  it('refuses two validation folders', () => {
    expect(() => resolveLayout(tree(['train/a', 'val/a', 'valid/a']))).toThrow(/keep one validation folder/);
  });
});
