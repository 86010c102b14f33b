import * as tf from '@tensorflow/tfjs-core';

/**
 * One AdamW step (Loshchilov & Hutter 2019, as PyTorch's `AdamW`): first the decoupled weight decay
 * w ← w·(1 − lr·wd) on the variables in `decay`, then tfjs's Adam update at learning rate `lr`.
 * `grads` is keyed by variable name. Setting the rate per call is what lets a schedule drive Adam;
 * every replica of the parallel trainer and the main-thread loop go through this one function, so
 * they stay bit-identical.
 */
export function applyAdamW(
  optimizer: tf.AdamOptimizer,
  vars: tf.Variable[],
  grads: tf.NamedTensorMap,
  lr: number,
  weightDecay: number,
  decay: ReadonlySet<string>,
): void {
  // tfjs reads `learningRate` on every applyGradients; it is protected only in the typings.
  (optimizer as unknown as { learningRate: number }).learningRate = lr;
  if (weightDecay > 0) {
    const factor = 1 - lr * weightDecay;
    for (const v of vars) if (decay.has(v.name)) tf.tidy(() => v.assign(tf.mul(v, factor)));
  }
  optimizer.applyGradients(grads as Record<string, tf.Variable>);
}

/**
 * The variables weight decay applies to: conv and dense kernels (rank ≥ 2), not biases or
 * BatchNorm's γ/β, the usual practice (decaying γ/β only fights the normalisation).
 */
export function decayedNames(vars: readonly tf.Variable[]): Set<string> {
  return new Set(vars.filter((v) => v.shape.length >= 2).map((v) => v.name));
}
