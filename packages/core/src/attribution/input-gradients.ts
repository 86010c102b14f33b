import * as tf from '@tensorflow/tfjs-core';
import type { AnyModel } from './explainable-model.js';
import { explainable } from './explainable.js';
import { guidedRelu } from './guided-relu.js';
import { seededNormal } from './seeded-normal.js';

/** SmoothGrad defaults (Smilkov et al. 2017 recommend 10-20% noise and tens of samples). */
export const SMOOTHGRAD_DEFAULTS = { samples: 25, noiseLevel: 0.15, seed: 0 } as const;
/** Integrated-gradients defaults: 32 right-Riemann steps from a black (all-zero) image. */
export const INTEGRATED_GRADIENTS_DEFAULTS = { steps: 32, baseline: 0 } as const;

/**
 * ∂(Σ_n logits[n] · mask[n]) / ∂images: for a one-hot `mask` `[N, classes]`, the gradient of
 * each image's target logit with respect to its own input, `[N, H, W, C]`. With `guided`, every
 * ReLU backpropagates by the guided rule (Springenberg et al.), giving guided backpropagation.
 */
export function inputGradient(
  model: AnyModel,
  images: tf.Tensor4D,
  mask: tf.Tensor2D,
  guided = false,
): tf.Tensor4D {
  return tf.tidy(() => inputGradientAndLogits(model, images, mask, guided).gradient);
}

/**
 * {@link inputGradient} and the logits of the same forward pass, so a caller that reports them
 * runs no forward pass of its own. `mask` may be a function of those logits (the predicted class),
 * run inside the gradient's forward pass: it must give the logits a zero gradient.
 */
export function inputGradientAndLogits(
  model: AnyModel,
  images: tf.Tensor4D,
  mask: tf.Tensor2D | ((logits: tf.Tensor2D) => tf.Tensor2D),
  guided = false,
): { gradient: tf.Tensor4D; logits: tf.Tensor2D } {
  const m = explainable(model);
  return gradientThroughForward(
    images,
    (x) => m.logits(x, { unfused: true, guidedRelu: guided ? guidedRelu : undefined }),
    mask,
  );
}

/**
 * ∂(Σ_n logits[n] · mask[n]) / ∂images where `forward` computes the logits (the caller may keep
 * what else its forward made: see explain's guided Grad-CAM), and those logits.
 */
export function gradientThroughForward(
  images: tf.Tensor4D,
  forward: (x: tf.Tensor4D) => tf.Tensor2D,
  mask: tf.Tensor2D | ((logits: tf.Tensor2D) => tf.Tensor2D),
): { gradient: tf.Tensor4D; logits: tf.Tensor2D } {
  let kept: tf.Tensor2D | undefined;
  try {
    return tf.tidy(() => {
      const score = (x: tf.Tensor) => {
        const logits = forward(x as tf.Tensor4D);
        // Kept past the gradient's forward scope (a clone: the tape frees what it saved).
        kept = tf.keep(tf.clone(logits));
        return tf.sum(tf.mul(logits, typeof mask === 'function' ? mask(logits) : mask));
      };
      const gradient = tf.grads(score)([images])[0] as tf.Tensor4D;
      return { gradient, logits: tf.clone(kept!) };
    });
  } finally {
    kept?.dispose();
  }
}

/** Runs `points(k)` (one `[N, H, W, C]` batch per k) through the gradient in chunks and sums the gradients. */
function summedGradients(
  model: AnyModel,
  images: tf.Tensor4D,
  mask: tf.Tensor2D,
  count: number,
  batchSize: number,
  points: (k: number) => tf.Tensor4D,
): tf.Tensor4D {
  const n = images.shape[0];
  const perChunk = Math.max(1, Math.floor(batchSize / n));
  let total = tf.zerosLike(images);
  for (let start = 0; start < count; start += perChunk) {
    const m = Math.min(perChunk, count - start);
    const next = tf.tidy(() => {
      const xs = tf.concat(Array.from({ length: m }, (_, i) => points(start + i)));
      const masks = tf.tile(mask, [m, 1]) as tf.Tensor2D;
      const g = inputGradient(model, xs as tf.Tensor4D, masks);
      return tf.add(total, tf.sum(tf.reshape(g, [m, ...images.shape]), 0)) as tf.Tensor4D;
    });
    total.dispose();
    total = next;
  }
  return total;
}

/**
 * SmoothGrad: the mean input gradient over `samples` noisy copies `x + ε`, ε ~ N(0, σ²) with
 * σ = `noiseLevel` × (max − min) of each image. Seeded, so a call is reproducible.
 */
export function smoothGrad(
  model: AnyModel,
  images: tf.Tensor4D,
  mask: tf.Tensor2D,
  opts: { samples?: number; noiseLevel?: number; seed?: number; batchSize?: number } = {},
): tf.Tensor4D {
  const samples = opts.samples ?? SMOOTHGRAD_DEFAULTS.samples;
  const level = opts.noiseLevel ?? SMOOTHGRAD_DEFAULTS.noiseLevel;
  const seed = opts.seed ?? SMOOTHGRAD_DEFAULTS.seed;
  return tf.tidy(() => {
    const sigma = tf.mul(tf.sub(tf.max(images, [1, 2, 3], true), tf.min(images, [1, 2, 3], true)), level);
    const sum = summedGradients(model, images, mask, samples, opts.batchSize ?? 16, (k) =>
      tf.add(images, tf.mul(tf.tensor(seededNormal(images.size, seed * 7919 + k), images.shape), sigma)),
    );
    return tf.div(sum, samples) as tf.Tensor4D;
  });
}

/**
 * Integrated gradients (Sundararajan et al. 2017), right Riemann sum:
 * `(x − b) ⊙ (1/m) Σ_{k=1..m} ∇f(b + (k/m)(x − b))` with a constant baseline `b`.
 */
export function integratedGradients(
  model: AnyModel,
  images: tf.Tensor4D,
  mask: tf.Tensor2D,
  opts: { steps?: number; baseline?: number; batchSize?: number } = {},
): tf.Tensor4D {
  const steps = opts.steps ?? INTEGRATED_GRADIENTS_DEFAULTS.steps;
  const baseline = opts.baseline ?? INTEGRATED_GRADIENTS_DEFAULTS.baseline;
  return tf.tidy(() => {
    const delta = tf.sub(images, baseline);
    const sum = summedGradients(model, images, mask, steps, opts.batchSize ?? 16, (k) =>
      tf.add(tf.mul(delta, (k + 1) / steps), baseline),
    );
    return tf.mul(delta, tf.div(sum, steps)) as tf.Tensor4D;
  });
}
