import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function findFixtures(): string {
  // CI clones the repo with shared/ beside it; a developer checkout has it at ../shared too.
  const candidates = [
    process.env.CAMKIT_FIXTURES,
    join(repoRoot, '..', 'shared', 'fixtures', 'gradcam-reference'),
    join(repoRoot, 'shared', 'fixtures', 'gradcam-reference'),
    '/work/shared/fixtures/gradcam-reference',
  ].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(join(p, 'index.json')));
  if (!found) {
    throw new Error(
      `pytorch-grad-cam reference fixtures not found (looked in ${candidates.join(', ')}); set CAMKIT_FIXTURES`,
    );
  }
  return found;
}

/** Root of the pytorch-grad-cam reference fixtures (see its README). */
export const FIXTURE_DIR = findFixtures();

/** The fixture's six input images (`inputs/<id>.npy`, `refs/<model>/<id>/…`), in index order. */
export const FIXTURE_IMAGES: readonly string[] = [
  'img00_ring',
  'img01_ring',
  'img02_triangle',
  'img03_triangle',
  'img04_horizontal_bar',
  'img05_horizontal_bar',
];
