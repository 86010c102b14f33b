import { defineConfig } from 'vitest/config';
import { packageTestConfig } from '../../vitest.shared.js';

export default defineConfig(
  packageTestConfig({
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/*.webgpu.test.ts'],
          setupFiles: ['test/relaxed-simd-setup.ts'],
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
  }),
);
