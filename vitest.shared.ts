// Test settings every package's vitest.config.ts shares. Config files may reach the repository
// root; package code and tests never do (they read what is set here).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ViteUserConfig } from 'vitest/config';

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
 * (test-support/arrays.ts), `@camkit/arch-reference` that fixture's layout
 * (test-support/arch-reference.ts); tsconfig.base.json maps them for the type-check.
 */
export const sharedTestAlias: Record<string, string> = {
  '@camkit/shared-fixture': join(repoRoot, 'test-support', 'shared-fixture.ts'),
  '@camkit/test-arrays': join(repoRoot, 'test-support', 'arrays.ts'),
  '@camkit/arch-reference': join(repoRoot, 'test-support', 'arch-reference.ts'),
};

/**
 * The vitest config of a library package (core, kernels, node-runner): its source through the
 * `@camkit/source` condition, the shared aliases and environment, the tests under src/ and test/
 * (unless `test.projects` names them), two-minute timeouts, forked workers. `test` adds to or overrides these settings.
 */
export function packageTestConfig(test: ViteUserConfig['test'] = {}): ViteUserConfig {
  return {
    resolve: { conditions: ['@camkit/source'], alias: sharedTestAlias },
    ssr: { resolve: { conditions: ['@camkit/source'] } },
    test: {
      env: sharedTestEnv,
      // A config with projects names each project's tests: vitest concatenates a project's include
      // with the root's, so the root then has none.
      ...(test.projects ? {} : { include: ['src/**/*.test.ts', 'test/**/*.test.ts'] }),
      testTimeout: 120_000,
      hookTimeout: 120_000,
      pool: 'forks',
      ...test,
    },
  };
}
