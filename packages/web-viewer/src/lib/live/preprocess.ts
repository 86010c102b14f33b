import type { Preprocess } from '@camkit/core';

/** ImageNet channel statistics, for models saved with preprocess 'imagenet'. */
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];
/** One-channel models with 'imagenet' preprocessing: the channel averages. */
const GRAY_MEAN = (MEAN[0] + MEAN[1] + MEAN[2]) / 3;
const GRAY_STD = (STD[0] + STD[1] + STD[2]) / 3;

/** ITU-R BT.601 luma weights, as tf.image.rgbToGrayscale, PIL's 'L' and OpenCV use. */
export const LUMA = [0.299, 0.587, 0.114] as const;

/**
 * RGB bytes to the model's input floats: 'unit' scales to [0, 1]; 'signed' then maps to [-1, 1]
 * (2·v − 1); 'imagenet' subtracts the ImageNet mean and divides by its standard deviation per
 * channel. `channels` 1 (a grayscale model) first takes the BT.601 luma of each pixel, giving one
 * float per pixel.
 */
export function toModelInput(
  rgb: ArrayLike<number>,
  preprocess: Preprocess,
  channels: 1 | 3 = 3,
): Float32Array {
  if (channels === 1) {
    const out = new Float32Array(rgb.length / 3);
    for (let p = 0; p < out.length; p++) {
      const v = (LUMA[0] * rgb[p * 3] + LUMA[1] * rgb[p * 3 + 1] + LUMA[2] * rgb[p * 3 + 2]) / 255;
      out[p] =
        preprocess === 'imagenet' ? (v - GRAY_MEAN) / GRAY_STD : preprocess === 'signed' ? 2 * v - 1 : v;
    }
    return out;
  }
  const out = new Float32Array(rgb.length);
  for (let i = 0; i < rgb.length; i++) {
    const v = rgb[i] / 255;
    out[i] =
      preprocess === 'imagenet' ? (v - MEAN[i % 3]) / STD[i % 3] : preprocess === 'signed' ? 2 * v - 1 : v;
  }
  return out;
}

/** Model-input floats (3 channels) back to displayable RGB bytes (inverse of {@link toModelInput}). */
export function toDisplayRgb(x: ArrayLike<number>, preprocess: Preprocess): Uint8ClampedArray {
  const out = new Uint8ClampedArray(x.length);
  for (let i = 0; i < x.length; i++) {
    const v =
      preprocess === 'imagenet'
        ? x[i] * STD[i % 3] + MEAN[i % 3]
        : preprocess === 'signed'
          ? (x[i] + 1) / 2
          : x[i];
    out[i] = Math.round(v * 255);
  }
  return out;
}

/** The model's channel count as {@link toModelInput} takes it; anything else is refused. */
export function modelChannels(channels: number, modelId: string): 1 | 3 {
  if (channels === 1 || channels === 3) return channels;
  throw new Error(`model ${modelId} takes ${channels} channels; live mode feeds 1 (grayscale) or 3 (RGB)`);
}
