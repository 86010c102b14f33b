/**
 * Turns a raw input gradient (guided backprop, guided Grad-CAM, SmoothGrad) into displayable bytes
 * like pytorch-grad-cam's `deprocess_image`: centre on the mean, divide by (std + 1e-5), scale by
 * 0.1, shift to 0.5, clip to [0, 1] and truncate 255·x to a byte. Mean and std are over all values.
 */
export function deprocessImage(grad: ArrayLike<number>): Uint8Array {
  const n = grad.length;
  const out = new Uint8Array(n);
  if (n === 0) return out;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += grad[i];
  mean /= n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (grad[i] - mean) ** 2;
  const std = Math.sqrt(variance / n);
  for (let i = 0; i < n; i++) {
    const v = ((grad[i] - mean) / (std + 1e-5)) * 0.1 + 0.5;
    out[i] = Math.floor(255 * Math.min(1, Math.max(0, v)));
  }
  return out;
}
