import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../errors.js';
import { writeFileAtomic } from './write-file-atomic.js';

describe('writeFileAtomic', () => {
  it('replaces the content and leaves no temp file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'camkit-atomic-'));
    const path = join(dir, 'sub', 'a.json');
    writeFileAtomic(path, 'old');
    writeFileAtomic(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['a.json']);
  });

  it('a parent path that is a file: one CliError naming the path, not a raw ENOTDIR', () => {
    const dir = mkdtempSync(join(tmpdir(), 'camkit-atomic-'));
    writeFileSync(join(dir, 'blocker'), 'x');
    const path = join(dir, 'blocker', 'out.json');
    let caught: unknown;
    try {
      writeFileAtomic(path, 'data');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(CliError);
    expect((caught as Error).message).toContain(`cannot write ${path}`);
    expect((caught as Error).message).not.toContain('\n');
    expect(readFileSync(join(dir, 'blocker'), 'utf8')).toBe('x');
  });
});
