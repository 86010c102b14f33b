/**
 * Channel rounding of the MobileNet/EfficientNet papers' reference code (Keras `_depth`,
 * torchvision `_make_divisible`): the nearest multiple of `divisor`, never below 90 % of `v`.
 */
export function makeDivisible(v: number, divisor = 8): number {
  const rounded = Math.max(divisor, Math.floor((v + divisor / 2) / divisor) * divisor);
  return rounded < 0.9 * v ? rounded + divisor : rounded;
}

/** Keras's `correct_pad` for a stride-2 'valid' conv after ZeroPadding2D on an even-sized input. */
export function correctPad(kernel: number): [[number, number], [number, number]] {
  const c = Math.floor(kernel / 2);
  return [
    [c - 1, c],
    [c - 1, c],
  ];
}
