import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';

const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.npy': 'application/octet-stream',
  '.bin': 'application/octet-stream',
};

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
      server.middlewares.use('/run', (req, res, next) => {
        const rel = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]));
        const file = join(root, rel);
        // Stay inside the run directory whatever the URL says.
        if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
          if (file.startsWith(root) && !existsSync(file)) {
            res.statusCode = 404;
            res.end('not found');
            return;
          }
          next();
          return;
        }
        res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
        createReadStream(file).pipe(res);
      });
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
