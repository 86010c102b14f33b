/**
 * Source rows/columns and fractions for a 1-D bilinear resize, shared by every backend so they all
 * sample the same points.
 *
 * Half-pixel centres (OpenCV INTER_LINEAR, `tf.image.resizeBilinear(x, size, false, true)`):
 * src = (dst + 0.5) * in / out - 0.5. Otherwise tfjs's legacy align_corners=false mapping:
 * src = dst * in / out. Either way the source is clamped to the edge, as OpenCV and tfjs do.
 */
export interface ResizePlan {
  lo: Int32Array;
  hi: Int32Array;
  frac: Float64Array;
}

export function resizePlan(inSize: number, outSize: number, halfPixel: boolean): ResizePlan {
  const lo = new Int32Array(outSize);
  const hi = new Int32Array(outSize);
  const frac = new Float64Array(outSize);
  const scale = inSize / outSize;
  for (let d = 0; d < outSize; d++) {
    const src = halfPixel ? (d + 0.5) * scale - 0.5 : d * scale;
    const f = Math.floor(src);
    const l = Math.min(Math.max(f, 0), inSize - 1);
    lo[d] = l;
    hi[d] = Math.min(Math.max(f + 1, 0), inSize - 1);
    // Below the first centre both taps are row 0, so the fraction is irrelevant; clamp it to 0.
    frac[d] = src < 0 ? 0 : src - f;
  }
  return { lo, hi, frac };
}

/**
 * The output coordinates where a resized map can reach its extremes. Within a run of outputs that
 * share the same two source taps the value is linear in the fraction, so along this axis only
 * the first and last output of each run (smallest and largest fraction) can be extreme; in 2-D
 * the bilinear value is linear in each fraction separately, so the extremes of the whole resized
 * map are among (candidate rows) x (candidate columns): about 2h x 2w samples instead of H x W.
 * A monotone function applied after (ReLU) keeps them there.
 */
export function extremeCandidates(plan: ResizePlan): Int32Array {
  const out: number[] = [];
  const n = plan.lo.length;
  for (let d = 0; d < n; d++) {
    const first = d === 0 || plan.lo[d] !== plan.lo[d - 1] || plan.hi[d] !== plan.hi[d - 1];
    const last = d === n - 1 || plan.lo[d] !== plan.lo[d + 1] || plan.hi[d] !== plan.hi[d + 1];
    if (first || last) out.push(d);
  }
  return Int32Array.from(out);
}
