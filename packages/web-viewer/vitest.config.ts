import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defaultClientConditions } from 'vite';
import { defineConfig } from 'vitest/config';
import { sharedTestEnv } from '../../vitest.shared.js';

const conditions = ['@camkit/source'];

export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      {
        plugins: [svelte()],
        resolve: { conditions },
        ssr: { resolve: { conditions } },
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.component.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        // The views rendered with @testing-library/svelte in happy-dom (Svelte's browser build).
        plugins: [svelte(), svelteTesting()],
        resolve: { conditions: [...conditions, ...defaultClientConditions] },
        test: {
          name: 'component',
          include: ['src/**/*.component.test.ts'],
          environment: 'happy-dom',
          testTimeout: 60_000,
        },
      },
      {
        // The browser tests: build, a real run, `camkit view`, headless chromium.
        resolve: { conditions },
        ssr: { resolve: { conditions } },
        test: {
          name: 'e2e',
          env: sharedTestEnv,
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
