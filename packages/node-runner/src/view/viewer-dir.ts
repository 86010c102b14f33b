import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The built web viewer: `$CAMKIT_VIEWER_DIR` when set, else the app `@camkit/web-viewer` exports
 * as `./dist/*` (its `vite build` output), resolved as a dependency — never by a path into the
 * repository. Null when the viewer is not built (its `dist/index.html` does not resolve).
 */
export function defaultViewerDir(): string | null {
  if (process.env.CAMKIT_VIEWER_DIR) return resolve(process.env.CAMKIT_VIEWER_DIR);
  try {
    return dirname(require.resolve('@camkit/web-viewer/dist/index.html'));
  } catch {
    return null;
  }
}
