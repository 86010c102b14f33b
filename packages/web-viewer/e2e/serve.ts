import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { camkitCommand } from '../scripts/camkit-bin.js';

export const VIEWER_DIST = join(import.meta.dirname, '..', 'dist');

/**
 * Build the CLI (and what it depends on: core, kernels, this viewer) through turbo, the one build
 * orchestrator: a cache hit under `pnpm test`; running this package's tests alone must work too.
 * (The viewer has no dependency on the CLI, which depends on it, so turbo's test task cannot.)
 */
export function ensureCliBuilt(): void {
  execFileSync(
    'pnpm',
    ['exec', 'turbo', 'run', 'build', '--filter=@camkit/node-runner...', '--output-logs=errors-only'],
    {
      cwd: join(import.meta.dirname, '..'),
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
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
