import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// Build → pnpm pack → npm install the tarball into a project outside the workspace → run and
// type-check a consumer there. This is what `pnpm add @camkit/core` gives another repo.
const here = dirname(fileURLToPath(import.meta.url));
const pkgDir = resolve(here, '..');
const repoRoot = resolve(pkgDir, '../..');
const TFJS = '4.22.0';
const work = mkdtempSync(join(tmpdir(), 'camkit-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(cmd: string, args: string[], cwd: string, timeout = 240_000): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', timeout, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `${cmd} ${args.join(' ')} failed in ${cwd}:\n${err.stdout ?? ''}\n${err.stderr ?? err.message}`,
    );
  }
}

describe('packed @camkit/core', () => {
  it('installs from its tarball outside the workspace, runs explain and type-checks', () => {
    expect(work.startsWith(repoRoot)).toBe(false);
    run('pnpm', ['--filter', '@camkit/core', 'build'], repoRoot);
    const packDir = join(work, 'tarball');
    run('pnpm', ['pack', '--pack-destination', packDir], pkgDir);
    const tarballs = readdirSync(packDir).filter((f) => f.endsWith('.tgz'));
    expect(tarballs).toHaveLength(1);

    const app = join(work, 'app');
    run('mkdir', ['-p', app], work);
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ name: 'camkit-consumer', private: true, type: 'module' }),
    );
    run(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        join(packDir, tarballs[0]),
        `@tensorflow/tfjs-core@${TFJS}`,
        `@tensorflow/tfjs-layers@${TFJS}`,
        `@tensorflow/tfjs-backend-cpu@${TFJS}`,
        'typescript@5.9.3',
        '@types/node@20',
      ],
      app,
      600_000,
    );
    const installed = join(app, 'node_modules/@camkit/core');
    // Only the build ships: no TypeScript sources, no tests.
    expect(existsSync(join(installed, 'dist/index.js'))).toBe(true);
    expect(existsSync(join(installed, 'dist/node.d.ts'))).toBe(true);
    expect(existsSync(join(installed, 'src'))).toBe(false);

    for (const f of ['consumer.mjs', 'consumer-types.ts', 'tsconfig.consumer.json']) {
      copyFileSync(join(here, 'pack', f), join(app, f));
    }
    const out = JSON.parse(run('node', ['consumer.mjs'], app).trim().split('\n').at(-1)!);
    expect(out).toMatchObject({
      method: 'gradcam',
      layer: 'conv2',
      heatmaps: 2,
      shape: [16, 16],
      samePredictions: true,
      npyShape: [16, 16],
      npyEqual: true,
      rgbaLength: 16 * 16 * 4,
      iouSelf: 1,
    });
    expect(out.min).toBeGreaterThanOrEqual(0);
    expect(out.max).toBeLessThanOrEqual(1);

    run(join(app, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.consumer.json'], app);
  }, 900_000);
});
