import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, tmp } from './run-cli.js';

const BROKEN_SHARP = fileURLToPath(new URL('./fixtures/broken-sharp.mjs', import.meta.url));

function run(args: string[]) {
  const r = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    env: { ...process.env, CAMKIT_DEBUG: '' },
  });
  return { code: r.status, stderr: r.stderr };
}

describe('bin/camkit.js', () => {
  it('says "not built" only when dist/cli.js itself is missing', () => {
    const pkg = tmp();
    mkdirSync(join(pkg, 'bin'));
    copyFileSync(BIN, join(pkg, 'bin', 'camkit.js'));
    const r = run([join(pkg, 'bin', 'camkit.js'), '--help']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^camkit: error: not built \(.*dist\/cli\.js.*\); run: pnpm build\n$/);
  });

  it('reports a dependency that fails to load as itself, on one line, not as "not built"', () => {
    const r = run(['--import', BROKEN_SHARP, BIN, '--help']);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/not built|pnpm build/);
    expect(r.stderr).toMatch(
      /^camkit: error: cannot load the CLI: Could not load the "sharp" module using the linux-x64 runtime \(check the install; set CAMKIT_DEBUG=1 for the stack\)\n$/,
    );
  });
});
