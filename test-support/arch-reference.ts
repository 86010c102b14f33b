// The arch-reference fixture (torchvision MobileNetV2 against pytorch-grad-cam; see its README) as
// every package's tests read it. Packages import it as `@camkit/arch-reference` (an alias set by the
// root vitest.shared.ts and tsconfig.base.json), never by relative path. The .npy reader is the
// caller's, so this module needs no package.
import { join } from 'node:path';
import { maxAbsDiff } from './arrays.js';
import { sharedFixture } from './shared-fixture.js';

/** The fixture's folder. */
export const archReferenceDir = (): string => sharedFixture('arch-reference');

/** The fixture's MobileNetV2 model folder (model.json + weights.bin). */
export const archModelDir = (): string => join(archReferenceDir(), 'models', 'mobilenet_v2');

/** The fixture's six images, in the order of its inputs/ and refs/. */
export const ARCH_IMAGES: readonly string[] = [
  'img00_disk',
  'img01_square',
  'img02_triangle',
  'img03_cross',
  'img04_ring',
  'img05_ring',
];

/** camkit's gray-map methods that pytorch-grad-cam has too (a subset of @camkit/core's `Method`). */
export type ArchCamMethod =
  | 'gradcam'
  | 'gradcam++'
  | 'xgradcam'
  | 'hirescam'
  | 'layercam'
  | 'eigencam'
  | 'eigengradcam'
  | 'gradcam-elementwise'
  | 'scorecam'
  | 'ablationcam';

/** Each of those methods with the fixture's refs/ folder for it. */
export const ARCH_CAM_CASES: [ArchCamMethod, string][] = [
  ['gradcam', 'gradcam'],
  ['gradcam++', 'gradcam_pp'],
  ['xgradcam', 'xgradcam'],
  ['hirescam', 'hirescam'],
  ['layercam', 'layercam'],
  ['eigencam', 'eigencam'],
  ['eigengradcam', 'eigengradcam'],
  ['gradcam-elementwise', 'gradcam_elementwise'],
  ['scorecam', 'scorecam'],
  ['ablationcam', 'ablationcam'],
];

/** Reads a float32 .npy file (the caller's reader). */
export type ReadNpy = (file: string) => ArrayLike<number>;

/** A reference array of image `image`: refs/mobilenet_v2/<image>/<parts…>. */
export function archRef(read: ReadNpy, image: string, ...parts: string[]): ArrayLike<number> {
  return read(join(archReferenceDir(), 'refs', 'mobilenet_v2', image, ...parts));
}

/** The six inputs (ImageNet-normalised, see the fixture's README) as one `[6, 64, 64, 3]` array. */
export function archInputs(read: ReadNpy): Float32Array {
  const flat = new Float32Array(ARCH_IMAGES.length * 64 * 64 * 3);
  ARCH_IMAGES.forEach((id, i) => {
    flat.set(read(join(archReferenceDir(), 'inputs', `${id}.npy`)), i * 64 * 64 * 3);
  });
  return flat;
}

/**
 * Max |map − reference| of one gray map (refs/…/<image>/<dir>/<layer>/c<class>.npy); for the
 * Eigen methods either SVD sign, as the fixture has the map of the other sign too.
 */
export function grayMapDiff(
  read: ReadNpy,
  map: ArrayLike<number>,
  image: string,
  dir: string,
  layer: string,
  classIndex: number,
): number {
  const diff = maxAbsDiff(map, archRef(read, image, dir, layer, `c${classIndex}.npy`));
  if (!dir.startsWith('eigen')) return diff;
  return Math.min(diff, maxAbsDiff(map, archRef(read, image, dir, layer, `c${classIndex}.signflip.npy`)));
}
