import * as tf from '@tensorflow/tfjs-core';

/**
 * Σ over the batch of the label-smoothed cross-entropy of softmax `probs` [n, K] against integer
 * `labels` [n]: −Σ_k t_k·log p_k with t = (1 − ε)·onehot + ε/K (Szegedy et al. 2016; PyTorch's
 * `CrossEntropyLoss(label_smoothing=ε)`). ε = 0 is plain cross-entropy. Probabilities are clipped
 * at 1e-7 as Keras does. A sum (not a mean) so data-parallel shards' losses simply add up.
 */
export function smoothedCrossEntropySum(
  probs: tf.Tensor,
  labels: tf.Tensor1D,
  numClasses: number,
  smoothing: number,
): tf.Scalar {
  return tf.tidy(() => {
    const logp = tf.log(tf.clipByValue(probs, 1e-7, 1));
    const hot = tf.oneHot(labels, numClasses);
    const target =
      smoothing > 0 ? tf.add(tf.mul(hot, 1 - smoothing), smoothing / numClasses) : tf.cast(hot, 'float32');
    return tf.neg(tf.sum(tf.mul(target, logp))) as tf.Scalar;
  });
}
