import { type ModelEntry, syntheticSample } from '@camkit/core';
import type { LiveInput } from './live-input.js';
import { LUMA, modelChannels, toDisplayRgb } from './preprocess.js';

/** How many bundled synthetic samples live mode offers. */
export const SAMPLE_COUNT = 8;

/**
 * Synthetic sample `index` at the model's input size, straight from core's generator (no 8-bit
 * round trip), so the browser explains exactly the floats a Node run would. One-channel models get
 * the luma of the sample (see {@link LUMA}).
 */
export function sampleInput(
  index: number,
  model: Pick<ModelEntry, 'id' | 'inputSize'> & Partial<Pick<ModelEntry, 'channels'>>,
): LiveInput {
  const [h, w] = model.inputSize;
  const channels = modelChannels(model.channels ?? 3, model.id);
  if (h !== w) throw new Error(`synthetic samples are square; model ${model.id} wants ${w}×${h}`);
  const s = syntheticSample(index, { size: h });
  const rgbFloats = s.image;
  let data = rgbFloats;
  if (channels === 1) {
    data = new Float32Array(h * w);
    for (let p = 0; p < data.length; p++) {
      data[p] = LUMA[0] * rgbFloats[p * 3] + LUMA[1] * rgbFloats[p * 3 + 1] + LUMA[2] * rgbFloats[p * 3 + 2];
    }
  }
  return {
    data,
    width: w,
    height: h,
    channels,
    rgb: toDisplayRgb(rgbFloats, 'unit'),
    source: `synthetic #${index}`,
  };
}
