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
