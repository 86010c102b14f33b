import type * as tf from '@tensorflow/tfjs-core';
import { CamkitError } from '../errors.js';

/**
 * The checks the CAM weight ops make before any kernel runs: each tensor float32 and
 * `[N, h, w, K]`, all of one shape. One-line CamkitErrors naming the op and argument.
 */
export function checkCamInputs(op: string, inputs: Record<string, tf.Tensor>): void {
  let first: [string, tf.Tensor] | undefined;
  for (const [name, t] of Object.entries(inputs)) {
    if (t.dtype !== 'float32') throw new CamkitError(`${op}: ${name} must be float32, got ${t.dtype}`);
    if (t.rank !== 4) throw new CamkitError(`${op}: ${name} must be [N, h, w, K], got shape [${t.shape}]`);
    if (first && first[1].shape.join() !== t.shape.join()) {
      throw new CamkitError(
        `${op}: ${first[0]} [${first[1].shape}] and ${name} [${t.shape}] must have the same shape`,
      );
    }
    first ??= [name, t];
  }
}
