/** Grad-CAM weights: alpha[n, k] = mean over (y, x) of grads[n, y, x, k]. grads is [N, h*w, K]. */
export function gradcamWeightsImpl(
  grads: Float32Array,
  n: number,
  hw: number,
  k: number,
  out: Float32Array = new Float32Array(n * k),
): Float32Array {
  const acc = new Float64Array(k);
  for (let b = 0; b < n; b++) {
    acc.fill(0);
    for (let p = 0; p < hw; p++) {
      const base = (b * hw + p) * k;
      for (let kk = 0; kk < k; kk++) acc[kk] += grads[base + kk];
    }
    for (let kk = 0; kk < k; kk++) out[b * k + kk] = acc[kk] / hw;
  }
  return out;
}

/** The epsilon pytorch-grad-cam's GradCAMPlusPlus adds to the aij denominator. */
export const GRADCAM_PP_EPS = 1e-6;

/**
 * Grad-CAM++ weights, the pytorch-grad-cam variant: with g = grads, A = activations and
 * S[n, k] = sum_ij A, aij = g^2 / (2 g^2 + S g^3 + 1e-6) (0 where g == 0) and
 * w[n, k] = sum_ij relu(g) * aij. Both inputs [N, h*w, K]; output [N, K].
 */
export function gradcamPlusPlusWeightsImpl(
  grads: Float32Array,
  activations: Float32Array,
  n: number,
  hw: number,
  k: number,
  out: Float32Array = new Float32Array(n * k),
): Float32Array {
  const s = new Float64Array(k);
  const acc = new Float64Array(k);
  for (let b = 0; b < n; b++) {
    s.fill(0);
    acc.fill(0);
    for (let p = 0; p < hw; p++) {
      const base = (b * hw + p) * k;
      for (let kk = 0; kk < k; kk++) s[kk] += activations[base + kk];
    }
    for (let p = 0; p < hw; p++) {
      const base = (b * hw + p) * k;
      for (let kk = 0; kk < k; kk++) {
        const g = grads[base + kk];
        if (g <= 0) continue; // relu(g) = 0, and aij = 0 where g == 0
        const g2 = g * g;
        acc[kk] += (g * g2) / (2 * g2 + (s[kk] as number) * g2 * g + GRADCAM_PP_EPS);
      }
    }
    for (let kk = 0; kk < k; kk++) out[b * k + kk] = acc[kk] as number;
  }
  return out;
}
