import type { ModelEntry } from '@camkit/core';
import type { RunImage } from './write-run.js';

const IMAGENET_MEAN = [0.485, 0.456, 0.406];
const IMAGENET_STD = [0.229, 0.224, 0.225];
// ITU-R BT.601 luma, what PIL's convert('L') and OpenCV's cvtColor(RGB2GRAY) use, so a grayscale
// model sees the gray image its training pipeline most likely produced (and a gray PNG, which sharp
// expands to R = G = B, comes back exactly).
const LUMA = [0.299, 0.587, 0.114];

/** Converts row-major RGB values [H, W, 3] to one luma channel [H, W, 1]. */
export function rgbToGray(rgb: Float32Array): Float32Array {
  const out = new Float32Array(rgb.length / 3);
  for (let i = 0; i < out.length; i++) {
    out[i] = LUMA[0] * rgb[3 * i] + LUMA[1] * rgb[3 * i + 1] + LUMA[2] * rgb[3 * i + 2];
  }
  return out;
}

/**
 * Applies the entry's preprocessing to [0, 1] pixels (`signed`: 2·x − 1, any channel count;
 * `imagenet`: mean/std per RGB channel).
 */
export function preprocess(x: Float32Array, mode: ModelEntry['preprocess']): Float32Array {
  if (mode === 'unit') return x;
  if (mode === 'signed') return Float32Array.from(x, (v) => 2 * v - 1);
  return Float32Array.from(x, (v, i) => (v - IMAGENET_MEAN[i % 3]) / IMAGENET_STD[i % 3]);
}

/**
 * [0, 1] RGB pixels (one image or a batch, row-major, 3 values a pixel) as the model takes them:
 * converted to gray for a single-channel model, then preprocessed. Explain's inputs and evaluate's
 * images and baseline all go through here, so every command feeds a model the same way.
 */
export function toModelPixels(
  rgb: Float32Array,
  channels: number,
  mode: ModelEntry['preprocess'],
): Float32Array {
  return preprocess(channels === 1 ? rgbToGray(rgb) : rgb, mode);
}

/**
 * The model input for one image, row-major [h, w, channels]: resized to `size` (default the
 * entry's input size), then {@link toModelPixels}.
 */
export async function modelInput(
  img: RunImage,
  entry: ModelEntry,
  size: readonly [number, number] = entry.inputSize,
): Promise<Float32Array> {
  const rgb = await img.input(size[0], size[1]);
  return toModelPixels(rgb, entry.channels ?? 3, entry.preprocess);
}
