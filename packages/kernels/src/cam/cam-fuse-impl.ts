import { extremeCandidates, resizePlan } from './resize-plan.js';
// The range epsilon of pytorch-grad-cam's `scale_cam_image` has one home: core's min-max normalise.
import { MINMAX_EPS } from '@camkit/core';

/** Attributes of the fused CAM op (same meaning as core's `CamFuseAttrs`). */
export interface CamFuseImplAttrs {
  outSize: readonly [number, number];
  relu: boolean;
  normalize: boolean;
  halfPixel: boolean;
}

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
  // The resize is separable: each low-res row is first resized along x (h * outW values, tiny),
  // then every output row is one lerp of two of those rows. Same arithmetic order as
  // lerp_y(lerp_x(.)), so the values equal a per-pixel bilinear evaluation.
  const rows = same ? low : new Float32Array(h * outW);
  const relu = attrs.relu;
  const candY = same ? null : extremeCandidates(ry);
  const candX = same ? null : extremeCandidates(rx);
  for (let b = 0; b < n; b++) {
    for (let cc = 0; cc < c; cc++) {
      let mn = Number.POSITIVE_INFINITY;
      let mx = Number.NEGATIVE_INFINITY;
      for (let p = 0; p < hw; p++) {
        let v = sum[(b * hw + p) * c + cc] as number;
        if (relu && v < 0) v = 0;
        low[p] = v;
        if (v < mn) mn = v;
        if (v > mx) mx = v;
      }
      if (attrs.normalize) {
        const inv = 1 / (mx - mn + MINMAX_EPS);
        for (let p = 0; p < hw; p++) low[p] = ((low[p] as number) - mn) * inv;
      }
      if (!same) {
        for (let r = 0; r < h; r++) {
          const src = r * w;
          const dst = r * outW;
          for (let x = 0; x < outW; x++) {
            const a = low[src + (rx.lo[x] as number)] as number;
            rows[dst + x] = a + ((low[src + (rx.hi[x] as number)] as number) - a) * (rx.frac[x] as number);
          }
        }
      }
      const o = (b * c + cc) * outHW;
      // Pass A: the extremes of the resized (ReLU'd) map, from the few samples where they can lie
      // (see extremeCandidates); pass B then writes each output element once.
      let inv = 1;
      mn = 0;
      if (attrs.normalize) {
        mn = Number.POSITIVE_INFINITY;
        mx = Number.NEGATIVE_INFINITY;
        if (same) {
          for (let p = 0; p < hw; p++) {
            let v = low[p] as number;
            if (relu && v < 0) v = 0;
            if (v < mn) mn = v;
            if (v > mx) mx = v;
          }
        } else {
          for (const y of candY as Int32Array) {
            const r0 = (ry.lo[y] as number) * outW;
            const r1 = (ry.hi[y] as number) * outW;
            const fy = ry.frac[y] as number;
            for (const x of candX as Int32Array) {
              const a = rows[r0 + x] as number;
              let v = a + ((rows[r1 + x] as number) - a) * fy;
              if (relu && v < 0) v = 0;
              if (v < mn) mn = v;
              if (v > mx) mx = v;
            }
          }
        }
        inv = 1 / (mx - mn + MINMAX_EPS);
      }
      for (let y = 0; y < outH; y++) {
        const r0 = same ? y * w : (ry.lo[y] as number) * outW;
        const r1 = same ? r0 : (ry.hi[y] as number) * outW;
        const fy = same ? 0 : (ry.frac[y] as number);
        const dst = o + y * outW;
        for (let x = 0; x < outW; x++) {
          const a = rows[r0 + x] as number;
          let v = a + ((rows[r1 + x] as number) - a) * fy;
          if (relu && v < 0) v = 0;
          out[dst + x] = (v - mn) * inv;
        }
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
