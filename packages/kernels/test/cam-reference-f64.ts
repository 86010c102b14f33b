/**
 * An independent float64 reference for CamFuse, written from the definitions (pytorch-grad-cam's
 * scale_cam_image; tfjs/OpenCV bilinear) in the plainest form, sharing no code with the package.
 */
export interface RefAttrs {
  outH: number;
  outW: number;
  relu: boolean;
  normalize: boolean;
  halfPixel: boolean;
}

function minmax(m: Float64Array): Float64Array {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of m) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return m.map((v) => (v - lo) / (hi - lo + 1e-7));
}

// One output coordinate -> (low tap, high tap, weight of the high tap), as tfjs's cpu ResizeBilinear.
function tap(dst: number, inSize: number, outSize: number, halfPixel: boolean): [number, number, number] {
  const ratio = inSize / outSize;
  const src = halfPixel ? (dst + 0.5) * ratio - 0.5 : dst * ratio;
  const floor = Math.max(0, Math.floor(src));
  const ceil = Math.min(inSize - 1, Math.ceil(src));
  return [Math.min(floor, inSize - 1), ceil, src - floor];
}

function resize(m: Float64Array, h: number, w: number, a: RefAttrs): Float64Array {
  if (h === a.outH && w === a.outW) return m;
  const out = new Float64Array(a.outH * a.outW);
  for (let y = 0; y < a.outH; y++) {
    const [y0, y1, fy] = tap(y, h, a.outH, a.halfPixel);
    for (let x = 0; x < a.outW; x++) {
      const [x0, x1, fx] = tap(x, w, a.outW, a.halfPixel);
      const tl = m[y0 * w + x0] as number;
      const tr = m[y0 * w + x1] as number;
      const bl = m[y1 * w + x0] as number;
      const br = m[y1 * w + x1] as number;
      const top = tl + (tr - tl) * fx;
      const bottom = bl + (br - bl) * fx;
      out[y * a.outW + x] = top + (bottom - top) * fy;
    }
  }
  return out;
}

/** features [N,h,w,K], weights [N,K,C] (batched) or [K,C] -> [N,C,H,W] in float64. */
export function camReferenceF64(
  features: Float32Array,
  weights: Float32Array,
  dims: { n: number; h: number; w: number; k: number; c: number; batched: boolean },
  a: RefAttrs,
): Float64Array {
  const { n, h, w, k, c, batched } = dims;
  const out = new Float64Array(n * c * a.outH * a.outW);
  for (let b = 0; b < n; b++) {
    for (let cls = 0; cls < c; cls++) {
      let m: Float64Array = new Float64Array(h * w);
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          let s = 0;
          for (let ch = 0; ch < k; ch++) {
            const wi = (batched ? b * k * c : 0) + ch * c + cls;
            s += (features[((b * h + y) * w + x) * k + ch] as number) * (weights[wi] as number);
          }
          m[y * w + x] = s;
        }
      }
      if (a.relu) m = m.map((v) => Math.max(v, 0));
      if (a.normalize) m = minmax(m);
      m = resize(m, h, w, a);
      if (a.relu) m = m.map((v) => Math.max(v, 0));
      if (a.normalize) m = minmax(m);
      out.set(m, (b * c + cls) * a.outH * a.outW);
    }
  }
  return out;
}
