import * as tf from '@tensorflow/tfjs-core';
import {
  BatchNormTrain,
  type BatchNormTrainAttrs,
  BatchNormTrainGrad,
} from '../kernels-contract/batch-norm-train.js';

/** What {@link batchNormTrain} returns: the normalised tensor and the batch statistics (no gradient). */
export interface BatchNormTrainResult {
  y: tf.Tensor;
  mean: tf.Tensor1D;
  variance: tf.Tensor1D;
}

const has = (kernel: string) => tf.getKernel(kernel, tf.getBackend()) !== undefined;

/**
 * y = (x − μ) / √(σ² + ε) · γ + β with μ, σ² the mean and biased variance of x over every axis but
 * the last — tfjs-layers' training-mode BatchNormalization (`moments` + `batchNormalization`) as one
 * forward and one backward step. tfjs differentiates its op chain op by op, about twenty full passes
 * over the tensor, a `Tile` among them; the gradient here is the closed form,
 * dx = γ/σ̂ · (dy − mean(dy) − x̂ · mean(dy · x̂)), dγ = Σ dy · x̂, dβ = Σ dy, with x̂ = (x − μ)/σ̂.
 * Runs the `CamkitBatchNormTrain` kernels when @camkit/kernels registered them for the active backend,
 * tfjs ops otherwise. `mean` and `variance` are returned without gradient (for the moving averages).
 */
export function batchNormTrain(
  x: tf.Tensor,
  scale: tf.Tensor1D,
  offset: tf.Tensor1D,
  varianceEpsilon: number,
): BatchNormTrainResult {
  const attrs: BatchNormTrainAttrs = { varianceEpsilon };
  const axes = x.shape.slice(0, -1).map((_, i) => i);
  let stats: [tf.Tensor1D, tf.Tensor1D] | null = null;
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xs, s, o, save] = args as [tf.Tensor, tf.Tensor1D, tf.Tensor1D, tf.GradSaveFunc];
    let y: tf.Tensor;
    let mean: tf.Tensor1D;
    let variance: tf.Tensor1D;
    if (has(BatchNormTrain)) {
      [y, mean, variance] = tf
        .engine()
        .runKernel(BatchNormTrain, { x: xs, scale: s, offset: o }, attrs as never) as unknown as [
        tf.Tensor,
        tf.Tensor1D,
        tf.Tensor1D,
      ];
    } else {
      mean = tf.mean(xs, axes);
      const centred = tf.sub(xs, mean);
      variance = tf.mean(tf.square(centred), axes);
      y = tf.add(tf.mul(tf.mul(centred, tf.rsqrt(tf.add(variance, varianceEpsilon))), s), o);
    }
    save([xs, s, mean, variance]);
    stats = [tf.keep(tf.clone(mean)), tf.keep(tf.clone(variance))];
    return {
      value: y,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, ss, sm, sv] = saved as [tf.Tensor, tf.Tensor1D, tf.Tensor1D, tf.Tensor1D];
        if (has(BatchNormTrainGrad)) {
          return tf
            .engine()
            .runKernel(
              BatchNormTrainGrad,
              { dy, x: sx, scale: ss, mean: sm, variance: sv },
              attrs as never,
            ) as unknown as tf.Tensor[];
        }
        const rstd = tf.rsqrt(tf.add(sv, varianceEpsilon));
        const xhat = tf.mul(tf.sub(sx, sm), rstd);
        const dOffset = tf.sum(dy, axes);
        const dScale = tf.sum(tf.mul(dy, xhat), axes);
        const n = sx.size / sx.shape[sx.shape.length - 1];
        const dx = tf.mul(
          tf.mul(ss, rstd),
          tf.sub(tf.sub(dy, tf.div(dOffset, n)), tf.mul(xhat, tf.div(dScale, n))),
        );
        return [dx, dScale, dOffset];
      },
    };
  });
  const y = op(x, scale, offset);
  const [mean, variance] = stats as unknown as [tf.Tensor1D, tf.Tensor1D];
  return { y, mean, variance };
}
