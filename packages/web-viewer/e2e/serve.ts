import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const REPO = join(import.meta.dirname, '..', '..', '..');
export const CAMKIT_BIN = join(REPO, 'packages', 'node-runner', 'bin', 'camkit.js');
export const VIEWER_DIST = join(import.meta.dirname, '..', 'dist');
const TSX = join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');
const CLI_FROM_SOURCE = join(import.meta.dirname, 'camkit-from-source.ts');

/**
 * How to run the camkit CLI: the published bin when node-runner is built (turbo builds it before
 * these tests), else the same `main` from source through tsx.
 */
export function camkitCommand(args: readonly string[]): [string, string[]] {
  if (existsSync(join(REPO, 'packages', 'node-runner', 'dist', 'cli.js'))) {
    return [process.execPath, [CAMKIT_BIN, ...args]];
  }
  return [TSX, ['--conditions=@camkit/source', CLI_FROM_SOURCE, ...args]];
}

/**
 * `camkit view RUN_DIR --port 0` (the real path users take), resolved once it prints its URL.
 */
export async function camkitView(runDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const [cmd, args] = camkitCommand(['view', runDir, '--port', '0', '--viewer-dir', VIEWER_DIST]);
  const child: ChildProcess = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`camkit view did not start: ${err || out}`)), 30_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = out.match(/https?:\/\/[^\s]+\//);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    child.stderr!.on('data', (d) => {
      err += d;
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`camkit view exited with ${code}: ${err.trim()}`));
    });
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
