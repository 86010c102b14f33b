import { sharedFixture } from '@camkit/shared-fixture';

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
