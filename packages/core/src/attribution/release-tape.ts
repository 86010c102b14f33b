import * as tf from '@tensorflow/tfjs-core';

/**
 * Frees what a gradient computation that threw left behind. tfjs's `engine.gradients` disposes
 * the tensors saved for the backward pass only when it completes, so an error inside it (a
 * missing gradient kernel) would leak every saved tensor and leave the tape set. Call after an
 * error, outside any gradient computation.
 */
export function releaseFailedTape(): void {
  const state = tf.engine().state;
  if (state.gradientDepth !== 0 || !state.activeTape) return;
  for (const node of state.activeTape) for (const t of node.saved ?? []) t.dispose();
  (state as { activeTape: unknown }).activeTape = null;
}
