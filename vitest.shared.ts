// Test settings every package's vitest.config.ts shares. Config files may reach the repository
// root; package code and tests never do (they read what is set here).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = dirname(fileURLToPath(import.meta.url));

/**
 * The shared reference fixtures (`gradcam-reference`, `arch-reference`, `graph-reference`, ...),
 * found relative to this repository: `$CAMKIT_SHARED_FIXTURES` when set, else `shared/fixtures`
 * beside the checkout (CI and the worktrees), else inside it. Returns the first candidate when none
 * exists, so the test that needs them names the path it looked in.
 */
export function sharedFixturesDir(): string {
  const candidates = [
    process.env.CAMKIT_SHARED_FIXTURES,
    join(repoRoot, '..', 'shared', 'fixtures'),
    join(repoRoot, 'shared', 'fixtures'),
  ].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(p)) ?? candidates[0];
}

/** Environment for every test process: where the shared fixtures are (see {@link sharedFixturesDir}). */
export const sharedTestEnv: Record<string, string> = { CAMKIT_SHARED_FIXTURES: sharedFixturesDir() };

/**
 * Module aliases for every package's tests: `@camkit/shared-fixture` is the one `sharedFixture`
 * helper (test-support/shared-fixture.ts), `@camkit/test-arrays` the array comparisons
 * (test-support/arrays.ts); tsconfig.base.json maps them for the type-check.
 */
export const sharedTestAlias: Record<string, string> = {
  '@camkit/shared-fixture': join(repoRoot, 'test-support', 'shared-fixture.ts'),
  '@camkit/test-arrays': join(repoRoot, 'test-support', 'arrays.ts'),
};
