// The one lookup of a shared reference fixture for every package's tests. Packages import it as
// `@camkit/shared-fixture` (an alias set by the root vitest.shared.ts and tsconfig.base.json), never
// by relative path.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A folder of the shared reference fixtures, e.g. `sharedFixture('gradcam-reference')`. The
 * location comes from `CAMKIT_SHARED_FIXTURES`, which every package's vitest config sets from the
 * repository's one lookup (`vitest.shared.ts`); no machine paths here.
 */
export function sharedFixture(name: string): string {
  const root = process.env.CAMKIT_SHARED_FIXTURES;
  if (!root) throw new Error('CAMKIT_SHARED_FIXTURES is not set (run the tests through vitest)');
  const dir = join(root, name);
  if (!existsSync(join(dir, 'index.json'))) {
    throw new Error(`shared fixtures '${name}' not found at ${dir}; set CAMKIT_SHARED_FIXTURES`);
  }
  return dir;
}
