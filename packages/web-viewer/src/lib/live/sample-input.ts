import { type ModelEntry, syntheticSample } from '@camkit/core';
import type { LiveInput } from './live-state.svelte.js';
import { toDisplayRgb } from './preprocess.js';

/** How many bundled synthetic samples live mode offers. */
export const SAMPLE_COUNT = 8;

/**
 * Synthetic sample `index` at the model's input size, straight from core's generator (no 8-bit
 * round trip), so the browser explains exactly the floats a Node run would.
 */
export function sampleInput(index: number, model: Pick<ModelEntry, 'inputSize'>): LiveInput {
  const [h, w] = model.inputSize;
  const s = syntheticSample(index, { size: h });
  const data = s.image;
  if (data.length !== h * w * 3) {
    throw new Error(`synthetic sample is ${Math.sqrt(data.length / 3)}px but the model wants ${w}×${h}`);
  }
  return { data, width: w, height: h, rgb: toDisplayRgb(data, 'unit'), source: `synthetic #${index}` };
}
