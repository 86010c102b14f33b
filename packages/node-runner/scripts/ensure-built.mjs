// Builds @camkit/core, @camkit/kernels and this package with tsc when their dist/ is missing or
// older than their sources, so `pnpm test`, `pnpm demo` and `pnpm bench` work from a fresh clone.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const packages = ['../../core', '../../kernels', '..'].map((p) => join(here, p));

function newest(dir, filter) {
  let t = 0;
  if (!existsSync(dir)) return 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p, filter));
    else if (filter(e.name)) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

export function ensureBuilt({ quiet = false } = {}) {
  for (const pkg of packages) {
    const src = newest(join(pkg, 'src'), (n) => n.endsWith('.ts') && !n.endsWith('.test.ts'));
    const dist = existsSync(join(pkg, 'dist')) ? newest(join(pkg, 'dist'), (n) => n.endsWith('.js')) : 0;
    if (dist >= src) continue;
    if (!quiet) process.stderr.write(`building ${pkg.split('/').filter(Boolean).at(-1)} (tsc)...\n`);
    const tsc = join(pkg, 'node_modules', '.bin', 'tsc');
    execFileSync(existsSync(tsc) ? tsc : 'tsc', ['-p', 'tsconfig.build.json'], {
      cwd: pkg,
      stdio: 'inherit',
    });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureBuilt();
