import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Records what each fsync call synced (a file or a directory, and which), then syncs it for real.
const synced: { dir: boolean; ino: number }[] = [];
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    fsyncSync: (fd: number) => {
      const st = real.fstatSync(fd);
      synced.push({ dir: st.isDirectory(), ino: st.ino });
      real.fsyncSync(fd);
    },
  };
});

const { writeFileAtomic, writeJsonAtomic } = await import('./write-file-atomic.js');

describe('writeFileAtomic durability', () => {
  it('fsyncs the file before the rename and its directory after it', () => {
    const dir = fs.mkdtempSync(join(tmpdir(), 'camkit-fsync-'));
    const path = join(dir, 'sub', 'run.json');
    synced.length = 0;
    writeJsonAtomic(path, { a: 1 });
    expect(fs.readFileSync(path, 'utf8')).toBe('{\n  "a": 1\n}\n');
    // The file's inode survives the rename, so the first sync was of the file now at `path`.
    expect(synced).toEqual([
      { dir: false, ino: fs.statSync(path).ino },
      { dir: true, ino: fs.statSync(join(dir, 'sub')).ino },
    ]);
  });

  it('syncs nothing it did not write when the write fails', () => {
    const dir = fs.mkdtempSync(join(tmpdir(), 'camkit-fsync-'));
    fs.writeFileSync(join(dir, 'plain'), 'x');
    synced.length = 0;
    expect(() => writeFileAtomic(join(dir, 'plain', 'out.txt'), 'y')).toThrow(/cannot write .*out\.txt: /);
    expect(synced).toEqual([]);
  });
});
