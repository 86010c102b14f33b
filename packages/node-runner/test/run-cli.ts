import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The real CLI entry, as users run it (built by test/global-setup.ts). */
export const BIN = fileURLToPath(new URL('../bin/camkit.js', import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Spawns `node bin/camkit.js ...args` and collects its output. */
export function camkit(
  args: string[],
  opts: { env?: Record<string, string>; cwd?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnCamkit(args, opts);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => {
      stdout += d;
    });
    child.stderr!.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export function spawnCamkit(
  args: string[],
  opts: { env?: Record<string, string>; cwd?: string } = {},
): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A fresh temporary directory. */
export function tmp(prefix = 'camkit-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Asserts the CLI's failure contract: non-zero exit, exactly one stderr line starting `camkit: error:`,
 * no stack. The informational lines a run prints before it can fail late (backend, data, init,
 * warnings) are not counted.
 */
export function errorLine(r: CliResult): string {
  const lines = r.stderr
    .split('\n')
    .filter(
      (l) =>
        l.trim() &&
        !l.startsWith('backend:') &&
        !l.startsWith('warning:') &&
        !l.startsWith('data:') &&
        !l.startsWith('init:'),
    );
  if (r.code === 0) throw new Error(`expected failure, got exit 0; stderr: ${r.stderr}`);
  if (lines.length !== 1 || !lines[0].startsWith('camkit: error:') || /\n\s+at /.test(r.stderr)) {
    throw new Error(`expected one 'camkit: error:' line, got:\n${r.stderr}`);
  }
  return lines[0];
}
