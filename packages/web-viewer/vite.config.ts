import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import sirv from 'sirv';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';

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
      // sirv keeps requests inside root. It hands a miss to `next` (vite's index.html fallback) rather
      // than its onNoMatch, so end a miss here: a missing run file is a 404.
      const files = sirv(root, { dev: true, dotfiles: false });
      server.middlewares.use('/run', (req, res) =>
        files(req, res, () => {
          res.statusCode = 404;
          res.end('not found');
        }),
      );
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
