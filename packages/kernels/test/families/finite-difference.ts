import * as tf from '@tensorflow/tfjs-core';

/** Analytic and central-difference directional derivatives of `f` at `x`. */
export interface DirectionalCheck {
  analytic: number;
  numeric: number;
}

/**
 * Checks tf.grad(f) at `x` against a central difference along d = ĝ + r̂ (the normalised
 * gradient plus a normalised seeded-random direction: the derivative along d is far from zero, so
 * a relative comparison is meaningful, and the random part probes components the gradient could
 * get wrong). Each element moves by 1e-3, 3e-4 or 1e-4 of x's RMS and the closest of the
 * three differences is returned: in float32 a deep ReLU/max-pool net has no single good step (a
 * large one crosses kinks, a small one drowns in round-off), so the check asks that some step
 * agrees.
 */
export function directionalCheck(f: (x: tf.Tensor) => tf.Scalar, x: tf.Tensor, seed = 3): DirectionalCheck {
  return tf.tidy(() => {
    const g = tf.grad(f)(x);
    const unit = (t: tf.Tensor) => tf.div(t, tf.add(tf.norm(t), 1e-30));
    // Zero entries stay zero: after a ReLU they tie in the max pools that follow (a kink where
    // the first-maximum rule is a convention, not a derivative).
    const live = tf.cast(tf.notEqual(x, 0), 'float32');
    const d = tf.mul(tf.add(unit(g), unit(tf.randomNormal(x.shape, 0, 1, 'float32', seed))), live);
    const rms = Math.sqrt(tf.mean(tf.square(x)).dataSync()[0]) || 1;
    const analytic = tf.sum(tf.mul(g, d)).dataSync()[0];
    let numeric = Number.NaN;
    for (const step of [1e-3, 3e-4, 1e-4]) {
      const eps = step * rms * Math.sqrt(x.size / tf.sum(tf.square(d)).dataSync()[0]);
      const up = f(tf.add(x, tf.mul(d, eps))).dataSync()[0];
      const down = f(tf.sub(x, tf.mul(d, eps))).dataSync()[0];
      const fd = (up - down) / (2 * eps);
      if (!(Math.abs(fd - analytic) >= Math.abs(numeric - analytic))) numeric = fd;
    }
    return { analytic, numeric };
  });
}
