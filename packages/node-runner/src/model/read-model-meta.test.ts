import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readModelMeta } from './read-model-meta.js';

describe('readModelMeta', () => {
  const dir = mkdtempSync(join(tmpdir(), 'camkit-meta-'));

  it('reads what camkit train writes and treats a missing file as {}', () => {
    const ok = mkdtempSync(join(dir, 'ok-'));
    const meta = { version: 1, arch: 'camnet', classNames: ['a', 'b'], inputSize: [16, 16] };
    writeFileSync(join(ok, 'camkit.json'), JSON.stringify(meta));
    expect(readModelMeta(join(ok, 'model.json')).meta).toMatchObject({
      classNames: ['a', 'b'],
      inputSize: [16, 16],
    });
    expect(readModelMeta(join(mkdtempSync(join(dir, 'none-')), 'model.json'))).toEqual({
      file: null,
      meta: {},
    });
  });

  it('names the file and the field of a wrong value on one line', () => {
    const bad = mkdtempSync(join(dir, 'bad-'));
    const file = join(bad, 'camkit.json');
    writeFileSync(file, JSON.stringify({ classNames: 'a,b' }));
    expect(() => readModelMeta(bad)).toThrow(new RegExp(`^${file}: invalid classNames: [^\\n]+$`));
    writeFileSync(file, '{ not json');
    expect(() => readModelMeta(bad)).toThrow(`${file}: not valid JSON`);
  });
});
