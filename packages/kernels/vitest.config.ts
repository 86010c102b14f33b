import { defineConfig } from 'vitest/config';
import { sharedTestAlias, sharedTestEnv } from '../../vitest.shared.js';

export default defineConfig({
  resolve: { conditions: ['@camkit/source'], alias: sharedTestAlias },
  ssr: { resolve: { conditions: ['@camkit/source'] } },
  test: {
    env: sharedTestEnv,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/*.webgpu.test.ts'],
        },
      },
      {
        // Its own project: the setup file installs Dawn's navigator.gpu before tfjs-backend-webgpu loads.
        extends: true,
        test: {
          name: 'webgpu',
          include: ['test/webgpu/**/*.webgpu.test.ts'],
          setupFiles: ['test/webgpu/setup.ts'],
        },
      },
    ],
  },
});
