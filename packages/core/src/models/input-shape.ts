import { CamkitError } from '../errors.js';

/** Turns a model factory's `inputSize`/`channels` options into a Keras input shape `[h, w, c]`. */
export function resolveInputShape(
  inputSize: number | readonly [number, number] | null,
  channels: number,
  factory: string,
): [number | null, number | null, number] {
  if (!Number.isInteger(channels) || channels < 1) {
    throw new CamkitError(`${factory}: channels must be a positive integer, got ${channels}`);
  }
  if (inputSize === null) return [null, null, channels];
  const [h, w] = typeof inputSize === 'number' ? [inputSize, inputSize] : inputSize;
  if (!Number.isInteger(h) || !Number.isInteger(w) || h < 1 || w < 1) {
    throw new CamkitError(
      `${factory}: inputSize must be a positive integer or [height, width], got ${inputSize}`,
    );
  }
  return [h, w, channels];
}
