import * as tf from '@tensorflow/tfjs-core';
import { CamkitError } from '../errors.js';

/**
 * What replaces pixels: 'zero' (black), 'mean' (per-channel image mean), 'blur' (Gaussian-blurred
 * image), a constant, or an image of the same size ([H, W, C] or [1, H, W, C]; the caller keeps
 * ownership) — e.g. a typical background, as torch-cam's metric allows. On small images (28 px) the
 * blur substrate is close to the image itself, so insertion from it says little: use 'zero' or 'mean'.
 */
export type Baseline = 'zero' | 'mean' | 'blur' | number | tf.Tensor;

/** Options for {@link deletionInsertion}. */
export interface DeletionInsertionOptions {
  /** Number of steps; step k has changed round(k·H·W/steps) pixels. Default 32. */
  steps?: number;
  /** Class whose probability is tracked. Default: the class predicted on the unmodified image. */
  classIndex?: number;
  /** Substrate that deleted pixels become. Default 'zero', as in RISE (Petsiuk et al. 2018). */
  baseline?: Baseline;
  /** Substrate insertion starts from. Default 'blur', as in RISE. */
  insertionBaseline?: Baseline;
  /** Images per `predictFn` call. Default 16. */
  batchSize?: number;
}

/** One curve: the class probability after each step, and its area. */
export interface Curve {
  /** steps + 1 probabilities, from 0 to all pixels changed. */
  scores: number[];
  /** Trapezoid area under `scores` over x ∈ [0, 1]. */
  auc: number;
}

export interface DeletionInsertionResult {
  classIndex: number;
  /** Fraction of pixels changed at each point: k / steps. */
  fractions: number[];
  /** Most salient pixels removed first: a good map makes the score fall fast (low AUC). */
  deletion: Curve;
  /** Most salient pixels inserted first into the baseline: a good map makes it rise fast (high AUC). */
  insertion: Curve;
}

/**
 * Deletion and insertion curves (RISE, Petsiuk et al. 2018) for one image and its saliency map. Works
 * with any model through `predictFn`, a function from a [n, H, W, C] batch to [n, classes]
 * probabilities (e.g. `(x) => model.predict(x) as tf.Tensor2D`); it is called in batches of
 * `batchSize`, and every tensor made here is disposed.
 *
 * @param image [H, W, C] or [1, H, W, C]
 * @param map row-major [H, W] saliency (higher = more important); ties keep pixel order
 */
export async function deletionInsertion(
  predictFn: (batch: tf.Tensor4D) => tf.Tensor2D,
  image: tf.Tensor3D | tf.Tensor4D,
  map: ArrayLike<number>,
  opts: DeletionInsertionOptions = {},
): Promise<DeletionInsertionResult> {
  const shape = image.rank === 4 ? image.shape.slice(1) : image.shape;
  if ((image.rank !== 3 && image.rank !== 4) || (image.rank === 4 && image.shape[0] !== 1)) {
    throw new CamkitError(`deletionInsertion: image must be [H, W, C] or [1, H, W, C], got [${image.shape}]`);
  }
  const [h, w, c] = shape as [number, number, number];
  if (map.length !== h * w) {
    throw new CamkitError(`deletionInsertion: map has ${map.length} values, expected ${h}×${w} = ${h * w}`);
  }
  const steps = opts.steps ?? 32;
  const batchSize = opts.batchSize ?? 16;
  if (!Number.isInteger(steps) || steps < 1)
    throw new CamkitError(`deletionInsertion: steps must be a positive integer, got ${steps}`);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new CamkitError(`deletionInsertion: batchSize must be a positive integer, got ${batchSize}`);
  }
  const img = tf.tidy(() => tf.reshape(image, [1, h, w, c]) as tf.Tensor4D);
  try {
    let classIndex = opts.classIndex;
    const probs0 = tf.tidy(() => predictFn(img));
    const p0 = await probs0.data();
    const numClasses = probs0.shape[1];
    probs0.dispose();
    if (classIndex === undefined) {
      classIndex = 0;
      for (let k = 1; k < numClasses; k++) if (p0[k] > p0[classIndex]) classIndex = k;
    }
    if (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= numClasses) {
      throw new CamkitError(`deletionInsertion: classIndex ${classIndex} is outside 0..${numClasses - 1}`);
    }
    const order = Array.from({ length: h * w }, (_, i) => i).sort((a, b) => map[b] - map[a] || a - b);
    const target = classIndex;
    const run = (baseline: Baseline, insert: boolean) =>
      curve(predictFn, img, order, steps, batchSize, target, baseline, insert);
    const deletion = await run(opts.baseline ?? 'zero', false);
    const insertion = await run(opts.insertionBaseline ?? 'blur', true);
    return {
      classIndex,
      fractions: Array.from({ length: steps + 1 }, (_, k) => k / steps),
      deletion,
      insertion,
    };
  } finally {
    img.dispose();
  }
}

/** Trapezoid area under equally spaced scores over [0, 1]. */
export function trapezoidAuc(scores: readonly number[]): number {
  const n = scores.length - 1;
  if (n < 1) return 0;
  let sum = 0;
  for (let k = 0; k < n; k++) sum += (scores[k] + scores[k + 1]) / 2;
  return sum / n;
}

async function curve(
  predictFn: (batch: tf.Tensor4D) => tf.Tensor2D,
  img: tf.Tensor4D,
  order: number[],
  steps: number,
  batchSize: number,
  classIndex: number,
  baseline: Baseline,
  insert: boolean,
): Promise<Curve> {
  const [, h, w] = img.shape;
  const n = h * w;
  const substrate = makeBaseline(img, baseline);
  // rank[p] = position of pixel p in the saliency order; step k changes the first changed(k) of them.
  const rank = new Int32Array(n);
  order.forEach((p, r) => {
    rank[p] = r;
  });
  const changed = (k: number) => Math.round((k * n) / steps);
  const scores: number[] = [];
  try {
    for (let k0 = 0; k0 <= steps; k0 += batchSize) {
      const ks = Array.from({ length: Math.min(batchSize, steps + 1 - k0) }, (_, j) => k0 + j);
      // useImage[k, p] = 1 where the pixel shows the original image at step k.
      const keep = new Float32Array(ks.length * n);
      ks.forEach((k, j) => {
        const m = changed(k);
        for (let p = 0; p < n; p++) {
          const isChanged = rank[p] < m;
          keep[j * n + p] = insert ? (isChanged ? 1 : 0) : isChanged ? 0 : 1;
        }
      });
      const probs = tf.tidy(() => {
        const k = tf.tensor4d(keep, [ks.length, h, w, 1]);
        const batch = tf.add(tf.mul(img, k), tf.mul(substrate, tf.sub(1, k))) as tf.Tensor4D;
        const out = predictFn(batch);
        return tf.slice(out, [0, classIndex], [ks.length, 1]);
      });
      scores.push(...(await probs.data()));
      probs.dispose();
    }
  } finally {
    substrate.dispose();
  }
  return { scores, auc: trapezoidAuc(scores) };
}

function makeBaseline(img: tf.Tensor4D, baseline: Baseline): tf.Tensor4D {
  return tf.tidy(() => {
    if (baseline instanceof tf.Tensor) {
      const [, h, w, c] = img.shape;
      const ok =
        (baseline.rank === 3 || (baseline.rank === 4 && baseline.shape[0] === 1)) &&
        baseline.shape.slice(-3).join() === [h, w, c].join();
      if (!ok) {
        throw new CamkitError(
          `deletionInsertion: baseline image is [${baseline.shape}], expected [${h}, ${w}, ${c}] like the image`,
        );
      }
      return tf.reshape(tf.cast(baseline, 'float32'), img.shape) as tf.Tensor4D;
    }
    if (typeof baseline === 'number') return tf.fill(img.shape, baseline) as tf.Tensor4D;
    if (baseline === 'zero') return tf.zerosLike(img);
    if (baseline === 'mean') return tf.mul(tf.onesLike(img), tf.mean(img, [1, 2], true)) as tf.Tensor4D;
    if (baseline === 'blur') return gaussianBlur(img);
    throw new CamkitError(
      `deletionInsertion: unknown baseline '${baseline}' (use 'zero', 'mean', 'blur', a number or an image)`,
    );
  });
}

/**
 * RISE's insertion substrate: a Gaussian blur with σ = 5 px and an 11-tap kernel at 224 px, scaled to
 * the image side; edges are mirrored (depthwise convs on a symmetric-padded image).
 */
function gaussianBlur(img: tf.Tensor4D): tf.Tensor4D {
  const [, h, w, c] = img.shape;
  const scale = Math.max(h, w) / 224;
  const sigma = Math.max(0.5, 5 * scale);
  const radius = Math.max(1, Math.round(5 * scale));
  const taps = Array.from({ length: 2 * radius + 1 }, (_, i) =>
    Math.exp(-((i - radius) ** 2) / (2 * sigma * sigma)),
  );
  const total = taps.reduce((a, b) => a + b, 0);
  const k1 = taps.map((t) => t / total);
  const kx = tf.tile(tf.tensor4d(k1, [1, k1.length, 1, 1]), [1, 1, c, 1]) as tf.Tensor4D;
  const ky = tf.tile(tf.tensor4d(k1, [k1.length, 1, 1, 1]), [1, 1, c, 1]) as tf.Tensor4D;
  const padded = tf.mirrorPad(
    img,
    [
      [0, 0],
      [radius, radius],
      [radius, radius],
      [0, 0],
    ],
    'symmetric',
  );
  const blurred = tf.depthwiseConv2d(tf.depthwiseConv2d(padded, kx, 1, 'valid'), ky, 1, 'valid');
  return blurred as tf.Tensor4D;
}
