import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../errors.js';

/**
 * Creates `dir` if needed and proves it writable before any work starts, so a bad `--out` fails in
 * a second with one line rather than after training.
 */
export function ensureWritableDir(dir: string, option = '--out'): void {
  const probe = join(dir, `.camkit-write-test-${randomBytes(4).toString('hex')}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new CliError(`${option} ${dir}: not writable (${e.code ?? e.message.split('\n')[0]})`);
  }
}
