import { defineConfig } from 'vitest/config';
import { sharedTestEnv } from '../../vitest.shared.js';

export default defineConfig({
  resolve: { conditions: ['@camkit/source'] },
  ssr: { resolve: { conditions: ['@camkit/source'] } },
  test: {
    env: sharedTestEnv,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
