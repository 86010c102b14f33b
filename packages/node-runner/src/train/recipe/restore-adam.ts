import * as tf from '@tensorflow/tfjs-core';

/** One saved Adam slot as {@link tf.Optimizer.getWeights} lists them (iterations, m…, v…). */
export interface AdamSlot {
  name: string;
  shape: number[];
  data: Float32Array;
}

/**
 * Restores Adam's saved state so the next step is bit-identical to an uninterrupted run's.
 * tfjs's own `setWeights` recomputes β₁ᵗ and β₂ᵗ as `pow(β, t + 1)`, but training reaches them by
 * multiplying by β once per step, and the two round differently in float32 (the cause of resumed
 * losses drifting in the 4th decimal). So after `setWeights` the products are rebuilt the way
 * training builds them: the same multiply, t times, on the same backend.
 */
export async function restoreAdam(optimizer: tf.Optimizer, slots: AdamSlot[]): Promise<void> {
  const named = slots.map((s) => ({ name: s.name, tensor: tf.tensor(s.data, s.shape) }));
  await optimizer.setWeights(named);
  tf.dispose(named.map((n) => n.tensor));
  const adam = optimizer as unknown as {
    iterations_: number;
    beta1: number;
    beta2: number;
    accBeta1?: tf.Variable;
    accBeta2?: tf.Variable;
  };
  if (!adam.accBeta1 || !adam.accBeta2) return;
  for (const [acc, beta] of [
    [adam.accBeta1, adam.beta1],
    [adam.accBeta2, adam.beta2],
  ] as const) {
    let value = tf.scalar(beta);
    for (let t = 0; t < adam.iterations_; t++) {
      const next = tf.mul(value, beta);
      value.dispose();
      value = next as tf.Scalar;
    }
    acc.assign(value);
    value.dispose();
  }
}
