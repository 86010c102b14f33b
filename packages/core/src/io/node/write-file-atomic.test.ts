import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_DIR } from '../../../test/fixture-dir.js';
import { CamkitError } from '../../errors.js';
import { readNpyFile, writeNpyFile } from './npy-file.js';
import { writeFileAtomic } from './write-file-atomic.js';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'camkit-atomic-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('creates parents, replaces existing content and leaves no temp file', () => {
    const file = join(tmp, 'a', 'b', 'out.txt');
    writeFileAtomic(file, 'first');
    writeFileAtomic(file, new Uint8Array([104, 105]));
    expect(readFileSync(file, 'utf8')).toBe('hi');
    expect(readdirSync(join(tmp, 'a', 'b'))).toEqual(['out.txt']);
  });

  it('fails with a one-line CamkitError naming the path and cleans up', () => {
    writeFileSync(join(tmp, 'plain'), 'x');
    const target = join(tmp, 'plain', 'child.txt');
    expect(() => writeFileAtomic(target, 'y')).toThrow(CamkitError);
    expect(() => writeFileAtomic(target, 'y')).toThrow(`cannot write ${target}: `);
    const dirTarget = join(tmp, 'a'); // a directory cannot be replaced by a file
    expect(() => writeFileAtomic(dirTarget, 'z')).toThrow(/cannot write .*a: /);
    expect(readdirSync(tmp).sort()).toEqual(['a', 'plain']);
  });
});

describe('readNpyFile / writeNpyFile', () => {
  it('writes numpy-identical bytes and reads them back', () => {
    const ref = join(FIXTURE_DIR, 'images/img00_ring.mask.npy');
    const mask = readNpyFile(ref);
    expect(mask.dtype).toBe('uint8');
    expect(mask.shape).toEqual([24, 24]);
    const out = join(tmp, 'mask.npy');
    writeNpyFile(out, mask);
    expect(readFileSync(out).equals(readFileSync(ref))).toBe(true);
  });

  it('names the file that is missing or broken', () => {
    const missing = join(tmp, 'missing.npy');
    expect(() => readNpyFile(missing)).toThrow(`cannot read ${missing}: ENOENT`);
    const broken = join(tmp, 'broken.npy');
    writeFileSync(broken, 'not numpy');
    expect(() => readNpyFile(broken)).toThrow(`${broken}: not a .npy file`);
  });
});
