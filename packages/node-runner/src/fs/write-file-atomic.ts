import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CliError } from '../errors.js';

/**
 * Writes a file so that readers (and a crash) see either the old content or the new, never half:
 * write a temp file beside it, then rename over it. Errors name the file.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // The temp file could not even be created (e.g. a parent path is a file): nothing to remove.
    }
    const e = err as NodeJS.ErrnoException;
    throw new CliError(
      `cannot write ${path}: ${e.code ?? ''} ${e.message.split('\n')[0]}`.replace(/\s+/g, ' '),
    );
  }
}

/** Writes JSON (2-space indented) atomically. */
export function writeJsonAtomic(path: string, value: unknown): void {
  writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}
