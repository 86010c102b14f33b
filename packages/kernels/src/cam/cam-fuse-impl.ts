import { resizePlan } from './resize-plan.js';

/** Attributes of the fused CAM op (same meaning as core's `CamFuseAttrs`). */
export interface CamFuseImplAttrs {
  outSize: readonly [number, number];
  relu: boolean;
  normalize: boolean;
  halfPixel: boolean;
}

/** The range epsilon of pytorch-grad-cam's `scale_cam_image`: added to (max - min), never a guard. */
export const MINMAX_EPS = 1e-7;

/**
 * Low-resolution weighted sums s[n, p, c] = sum_k features[n, p, k] * weights[(n,) k, c], laid out
 * [N, h*w, C] (the layout a batched matMul produces, so wasm can hand this step to XNNPACK).
 *
 * @param weightsBatched true for weights [N, K, C], false for [K, C] shared by the batch.
 */
export function weightedSumImpl(
  features: Float32Array,
  weights: Float32Array,
  n: number,
  hw: number,
  k: number,
  c: number,
  weightsBatched: boolean,
  out: Float32Array = new Float32Array(n * hw * c),
): Float32Array {
  const acc = new Float64Array(c);
  for (let b = 0; b < n; b++) {
    const wBase = weightsBatched ? b * k * c : 0;
    for (let p = 0; p < hw; p++) {
      acc.fill(0);
      const fBase = (b * hw + p) * k;
      for (let kk = 0; kk < k; kk++) {
        const f = features[fBase + kk];
        if (f === 0) continue; // post-ReLU activations are mostly zeros
        const row = wBase + kk * c;
        for (let cc = 0; cc < c; cc++) acc[cc] += f * weights[row + cc];
      }
      const oBase = (b * hw + p) * c;
      for (let cc = 0; cc < c; cc++) out[oBase + cc] = acc[cc];
    }
  }
  return out;
}

/**
 * Everything after the weighted sum: ReLU, min-max, bilinear resize, ReLU, min-max, for every
 * (n, c) map. `sum` is [N, h*w, C] (see {@link weightedSumImpl}); the result is [N, C, H, W].
 * Each output element is written exactly once.
 */
export function camPostImpl(
  sum: Float32Array,
  n: number,
  h: number,
  w: number,
  c: number,
  attrs: CamFuseImplAttrs,
  out: Float32Array = new Float32Array(n * c * attrs.outSize[0] * attrs.outSize[1]),
): Float32Array {
  const [outH, outW] = attrs.outSize;
  const hw = h * w;
  const outHW = outH * outW;
  const same = outH === h && outW === w;
  const ry = resizePlan(h, outH, attrs.halfPixel);
  const rx = resizePlan(w, outW, attrs.halfPixel);
  const low = new Float32Array(hw);
  for (let b = 0; b < n; b++) {
    for (let cc = 0; cc < c; cc++) {
      let mn = Number.POSITIVE_INFINITY;
      let mx = Number.NEGATIVE_INFINITY;
      for (let p = 0; p < hw; p++) {
        let v = sum[(b * hw + p) * c + cc];
        if (attrs.relu && v < 0) v = 0;
        low[p] = v;
        if (v < mn) mn = v;
        if (v > mx) mx = v;
      }
      if (attrs.normalize) {
        const inv = 1 / (mx - mn + MINMAX_EPS);
        for (let p = 0; p < hw; p++) low[p] = (low[p] - mn) * inv;
      }
      const o = (b * c + cc) * outHW;
      // Pass A: the resized (and ReLU'd) value of every pixel, kept only as a running min/max when
      // a second normalisation follows, so the output is written once, in pass B.
      mn = Number.POSITIVE_INFINITY;
      mx = Number.NEGATIVE_INFINITY;
      for (let y = 0; y < outH; y++) {
        const r0 = ry.lo[y] * w;
        const r1 = ry.hi[y] * w;
        const fy = ry.frac[y];
        for (let x = 0; x < outW; x++) {
          let v: number;
          if (same) {
            v = low[y * w + x];
          } else {
            const x0 = rx.lo[x];
            const x1 = rx.hi[x];
            const fx = rx.frac[x];
            const top = low[r0 + x0] + (low[r0 + x1] - low[r0 + x0]) * fx;
            const bottom = low[r1 + x0] + (low[r1 + x1] - low[r1 + x0]) * fx;
            v = top + (bottom - top) * fy;
          }
          if (attrs.relu && v < 0) v = 0;
          out[o + y * outW + x] = v;
          if (v < mn) mn = v;
          if (v > mx) mx = v;
        }
      }
      if (attrs.normalize) {
        const inv = 1 / (mx - mn + MINMAX_EPS);
        for (let i = o; i < o + outHW; i++) out[i] = (out[i] - mn) * inv;
      }
    }
  }
  return out;
}

/**
 * The fused CAM op on typed arrays: features [N, h, w, K], weights [N, K, C] or [K, C] ->
 * maps [N, C, H, W]. The cpu kernel and the test reference.
 */
export function camFuseImpl(
  features: Float32Array,
  featuresShape: readonly number[],
  weights: Float32Array,
  weightsShape: readonly number[],
  attrs: CamFuseImplAttrs,
  out?: Float32Array,
): Float32Array {
  const [n, h, w, k] = featuresShape as [number, number, number, number];
  const c = weightsShape[weightsShape.length - 1] as number;
  const sum = weightedSumImpl(features, weights, n, h * w, k, c, weightsShape.length === 3);
  return camPostImpl(sum, n, h, w, c, attrs, out);
}
