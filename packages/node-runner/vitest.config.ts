import { defineConfig } from 'vitest/config';
import { sharedTestAlias, sharedTestEnv } from '../../vitest.shared.js';

export default defineConfig({
  resolve: { conditions: ['@camkit/source'], alias: sharedTestAlias },
  ssr: { resolve: { conditions: ['@camkit/source'] } },
  test: {
    env: sharedTestEnv,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // The CLI tests spawn real processes; one file at a time keeps the 2-core box responsive.
    fileParallelism: false,
  },
});
