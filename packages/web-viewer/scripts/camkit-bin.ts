import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let cached: string | undefined;

/**
 * The `camkit` bin as @camkit/node-runner publishes it (its package.json `bin`). The viewer cannot
 * depend on the CLI (the CLI depends on the viewer's build), so the package is found by name in
 * the pnpm workspace, not by a path into its folder.
 */
export function camkitBin(): string {
  if (cached) return cached;
  const listed = JSON.parse(
    execFileSync('pnpm', ['--filter', '@camkit/node-runner', 'ls', '--json', '--depth', '-1'], {
      cwd: import.meta.dirname,
      encoding: 'utf8',
    }),
  ) as { name: string; path: string }[];
  const pkg = listed.find((p) => p.name === '@camkit/node-runner');
  if (!pkg) throw new Error('@camkit/node-runner is not in this pnpm workspace');
  const { bin } = JSON.parse(readFileSync(join(pkg.path, 'package.json'), 'utf8')) as {
    bin: string | Record<string, string>;
  };
  const rel = typeof bin === 'string' ? bin : bin.camkit;
  if (!rel) throw new Error(`${pkg.path}/package.json has no 'camkit' bin`);
  cached = join(pkg.path, rel);
  return cached;
}

/** `node <camkit bin> ARGS`, as users run it. */
export function camkitCommand(args: readonly string[]): [string, string[]] {
  return [process.execPath, [camkitBin(), ...args]];
}
