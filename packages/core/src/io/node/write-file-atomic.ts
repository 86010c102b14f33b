import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CamkitError } from '../../errors.js';
import { oneLine } from '../model-from-artifacts.js';

/** A unique sibling path for staging `path` (same directory, so rename stays on one filesystem). */
export function tempSibling(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** Best-effort cleanup of a temp path: a failure here must not hide the error that caused it. */
export function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // the path's parent is gone or not a directory: nothing was left there
  }
}

/** Writes bytes to `path` durably: fsync'd so a crash right after a rename leaves full contents. */
export function writeFileSynced(path: string, bytes: Uint8Array | string): void {
  const fd = openSync(path, 'wx');
  try {
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off, data.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * fsyncs a directory, so a rename or a new entry in it survives a crash (POSIX needs this beside the
 * file's own fsync). Where a directory cannot be opened or fsync'd (Windows), there is nothing to do.
 */
export function fsyncDir(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'EBADF') throw e;
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `bytes` (or UTF-8 text) to `path` atomically and durably: a temp file in the same
 * directory, fsync'd, renamed over `path`, then the directory fsync'd, so readers (and a crash) see
 * the old file or the new one, never a partial one. Creates missing parent directories. On failure
 * the temp file is removed and a one-line CamkitError names `path`. The one implementation in
 * camkit: the CLI writes every run file through it.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array | string): void {
  const tmp = tempSibling(path);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSynced(tmp, bytes);
    renameSync(tmp, path);
    fsyncDir(dirname(path));
  } catch (e) {
    removeQuietly(tmp);
    throw new CamkitError(`cannot write ${path}: ${oneLine(e)}`);
  }
}

/** Writes `value` as 2-space-indented JSON with a final newline, through {@link writeFileAtomic}. */
export function writeJsonAtomic(path: string, value: unknown): void {
  writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}
