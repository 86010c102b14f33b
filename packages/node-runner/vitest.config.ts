import { defineConfig } from 'vitest/config';
import { packageTestConfig } from '../../vitest.shared.js';

export default defineConfig(
  packageTestConfig({
    globalSetup: ['test/global-setup.ts'],
    hookTimeout: 180_000,
    // The CLI tests spawn real processes; one file at a time keeps the 2-core box responsive.
    fileParallelism: false,
  }),
);
