import * as tf from '@tensorflow/tfjs-core';

/**
 * ReLU whose backward pass is guided backpropagation's rule: `dy · (x > 0) · (dy > 0)`, so only
 * positive gradients flow back through positive inputs. Forward is a plain ReLU.
 */
export const guidedRelu: (x: tf.Tensor) => tf.Tensor = tf.customGrad((...args: unknown[]) => {
  const x = args[0] as tf.Tensor;
  const save = args[1] as tf.GradSaveFunc;
  save([x]);
  return {
    value: tf.relu(x),
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
      const g = dy as tf.Tensor;
      const mask = tf.mul(tf.cast(tf.greater(saved[0], 0), 'float32'), tf.cast(tf.greater(g, 0), 'float32'));
      return [tf.mul(g, mask)];
    },
  };
}) as (x: tf.Tensor) => tf.Tensor;
