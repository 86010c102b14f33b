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

/** Root of the pytorch-grad-cam reference fixtures (see its README). */
export const FIXTURE_DIR = sharedFixture('gradcam-reference');

/** The fixture's six input images (`inputs/<id>.npy`, `refs/<model>/<id>/…`), in index order. */
export const FIXTURE_IMAGES: readonly string[] = [
  'img00_ring',
  'img01_ring',
  'img02_triangle',
  'img03_triangle',
  'img04_horizontal_bar',
  'img05_horizontal_bar',
];

/** Root of the graph-model reference fixtures: a real converted graph model and its maps (see its README). */
export const GRAPH_FIXTURE_DIR = sharedFixture('graph-reference');
