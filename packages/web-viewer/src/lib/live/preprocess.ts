/** ImageNet channel statistics, for models saved with preprocess 'imagenet'. */
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

/**
 * RGB bytes to the model's input floats: 'unit' scales to [0, 1]; 'imagenet' then subtracts the
 * ImageNet mean and divides by its standard deviation per channel.
 */
export function toModelInput(rgb: ArrayLike<number>, preprocess: 'unit' | 'imagenet'): Float32Array {
  const out = new Float32Array(rgb.length);
  for (let i = 0; i < rgb.length; i++) {
    const v = rgb[i] / 255;
    out[i] = preprocess === 'imagenet' ? (v - MEAN[i % 3]) / STD[i % 3] : v;
  }
  return out;
}

/** Model-input floats back to displayable RGB bytes (inverse of {@link toModelInput}). */
export function toDisplayRgb(x: ArrayLike<number>, preprocess: 'unit' | 'imagenet'): Uint8ClampedArray {
  const out = new Uint8ClampedArray(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = preprocess === 'imagenet' ? x[i] * STD[i % 3] + MEAN[i % 3] : x[i];
    out[i] = Math.round(v * 255);
  }
  return out;
}
