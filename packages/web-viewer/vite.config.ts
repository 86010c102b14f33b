import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import { staticHandler } from './src/serve/static-server.js';

/**
 * Dev only: serve a run directory under /run/ the way `camkit view` does, so `pnpm dev` shows a
 * real run. CAMKIT_RUN_DIR picks it; default is the one `pnpm sample` writes.
 */
function serveRun(): Plugin {
  const root = resolve(process.env.CAMKIT_RUN_DIR ?? join(import.meta.dirname, '.sample-run'));
  return {
    name: 'camkit-serve-run',
    apply: 'serve',
    configureServer(server) {
      if (!existsSync(join(root, 'manifest.json'))) {
        server.config.logger.warn(
          `camkit: no run at ${root} (manifest.json missing): run \`pnpm sample\`, or set CAMKIT_RUN_DIR to a camkit run`,
        );
      }
      // The server `camkit view` serves a run with (this package's `./serve` export): the same path
      // guard, and a miss under /run/ is a 404 rather than vite's index.html fallback.
      server.middlewares.use(staticHandler([{ prefix: '/run/', dir: root }]));
    },
  };
}

export default defineConfig({
  plugins: [svelte(), serveRun()],
  // Core and kernels from source (no build needed), plus vite's usual browser conditions.
  resolve: { conditions: ['@camkit/source', ...defaultClientConditions] },
  // Relative asset paths so the build works wherever `camkit view` mounts it.
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000 },
});
