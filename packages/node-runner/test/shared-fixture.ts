import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A folder of the shared reference fixtures, e.g. `sharedFixture('graph-reference')`, from
 * `CAMKIT_SHARED_FIXTURES`, which vitest.config.ts sets from the repository's one lookup.
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
