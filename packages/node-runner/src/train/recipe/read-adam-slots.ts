import type * as tf from '@tensorflow/tfjs-core';
import type { AdamSlot } from './restore-adam.js';

/** Adam's state as {@link restoreAdam} takes it back: iterations, first moments, second moments. */
export async function readAdamSlots(optimizer: tf.Optimizer): Promise<AdamSlot[]> {
  return Promise.all(
    (await optimizer.getWeights()).map(async (w) => ({
      name: w.name,
      shape: w.tensor.shape,
      data: (await w.tensor.data()) as Float32Array,
    })),
  );
}
