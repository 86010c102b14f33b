import { defineConfig } from 'vitest/config';
import { sharedTestAlias, sharedTestEnv } from '../../vitest.shared.js';

export default defineConfig({
  resolve: { conditions: ['@camkit/source'], alias: sharedTestAlias },
  ssr: { resolve: { conditions: ['@camkit/source'] } },
  test: {
    env: sharedTestEnv,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
