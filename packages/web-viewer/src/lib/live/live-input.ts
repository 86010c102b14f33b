import type { ImageEntry, ModelEntry } from '@camkit/core';
import { imageSourceToRgb, loadImageRgb } from '../detail/image-pixels.js';
import { runFileUrl } from '../run/run-url.js';
import { modelChannels, toModelInput } from './preprocess.js';

/** A model input: float pixels at the model's input size, with where they came from. */
export interface LiveInput {
  /** [height, width, channels] floats, preprocessed as the model expects. */
  data: Float32Array;
  width: number;
  height: number;
  channels: 1 | 3;
  /** RGB bytes at width×height for display. */
  rgb: Uint8ClampedArray;
  source: string;
  /** The run image id when the input is one of the run's own images. */
  imageId?: string;
}

/** RGB bytes already at the model's size to the model's input (channels, preprocessing). */
export function inputFromRgb(
  rgb: Uint8ClampedArray,
  entry: Pick<ModelEntry, 'id' | 'inputSize' | 'channels' | 'preprocess'>,
  source: string,
): LiveInput {
  const [height, width] = entry.inputSize;
  const channels = modelChannels(entry.channels, entry.id);
  return { data: toModelInput(rgb, entry.preprocess, channels), width, height, channels, rgb, source };
}

/**
 * One of the run's own images (manifest `images[].file`), decoded in the page and resized to the
 * model's fixed input size, grayscale for one-channel models. Browser only.
 */
export async function runImageInput(base: string, image: ImageEntry, entry: ModelEntry): Promise<LiveInput> {
  const [h, w] = entry.inputSize;
  const rgb = await loadImageRgb(runFileUrl(base, image.file), w, h);
  return { ...inputFromRgb(rgb, entry, image.id), imageId: image.id };
}

/** A picked or dropped image file, resized to the model's input. Browser only. */
export async function fileInput(file: File, entry: ModelEntry): Promise<LiveInput> {
  const bitmap = await createImageBitmap(file);
  try {
    const [h, w] = entry.inputSize;
    return inputFromRgb(imageSourceToRgb(bitmap, w, h), entry, file.name);
  } finally {
    bitmap.close();
  }
}
