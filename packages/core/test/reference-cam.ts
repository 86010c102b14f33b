// Independent float64 loops of pytorch-grad-cam's formulas (numpy / OpenCV semantics), used as
// the expected values in the attribution tests. Arrays are row-major, channels-last.

/** (x - min) / (max(x - min) + 1e-7), as `scale_cam_image`. */
export function minmax64(x: ArrayLike<number>): Float64Array {
  let min = Infinity;
  for (let i = 0; i < x.length; i++) min = Math.min(min, x[i]);
  let max = -Infinity;
  for (let i = 0; i < x.length; i++) max = Math.max(max, x[i] - min);
  return Float64Array.from(x, (v) => (v - min) / (max + 1e-7));
}

export const relu64 = (x: ArrayLike<number>): Float64Array => Float64Array.from(x, (v) => Math.max(v, 0));

/** cv2.resize INTER_LINEAR of an [h, w] map: src = (dst + 0.5)·in/out − 0.5, clamped to the edge. */
export function resizeHalfPixel64(
  x: ArrayLike<number>,
  h: number,
  w: number,
  oh: number,
  ow: number,
): Float64Array {
  const out = new Float64Array(oh * ow);
  const coord = (d: number, n: number, on: number) => {
    const s = Math.min(Math.max((d + 0.5) * (n / on) - 0.5, 0), n - 1);
    const i0 = Math.floor(s);
    return [i0, Math.min(i0 + 1, n - 1), s - i0] as const;
  };
  for (let r = 0; r < oh; r++) {
    const [y0, y1, fy] = coord(r, h, oh);
    for (let c = 0; c < ow; c++) {
      const [x0, x1, fx] = coord(c, w, ow);
      const top = x[y0 * w + x0] * (1 - fx) + x[y0 * w + x1] * fx;
      const bottom = x[y1 * w + x0] * (1 - fx) + x[y1 * w + x1] * fx;
      out[r * ow + c] = top * (1 - fy) + bottom * fy;
    }
  }
  return out;
}

/** The reference gray pipeline: minmax(relu(resize(minmax(relu(raw))))). */
export function gray64(raw: ArrayLike<number>, h: number, w: number, oh: number, ow: number): Float64Array {
  const first = minmax64(relu64(raw));
  const resized = oh === h && ow === w ? first : resizeHalfPixel64(first, h, w, oh, ow);
  return minmax64(relu64(resized));
}

/** Σ_k weights[k] · A[:, k] for A [P, K]. */
export function weightedSum64(
  a: ArrayLike<number>,
  weights: ArrayLike<number>,
  p: number,
  k: number,
): Float64Array {
  const out = new Float64Array(p);
  for (let i = 0; i < p; i++) for (let c = 0; c < k; c++) out[i] += weights[c] * a[i * k + c];
  return out;
}

/** Per-channel Σ_ij over positions of f(i, k). */
function channelSums(p: number, k: number, f: (i: number, c: number) => number): Float64Array {
  const out = new Float64Array(k);
  for (let i = 0; i < p; i++) for (let c = 0; c < k; c++) out[c] += f(i, c);
  return out;
}

export function gradcamWeights64(g: ArrayLike<number>, p: number, k: number): Float64Array {
  return channelSums(p, k, (i, c) => g[i * k + c] / p);
}

export function gradcamPlusPlusWeights64(
  a: ArrayLike<number>,
  g: ArrayLike<number>,
  p: number,
  k: number,
): Float64Array {
  const sumA = channelSums(p, k, (i, c) => a[i * k + c]);
  return channelSums(p, k, (i, c) => {
    const gv = g[i * k + c];
    if (gv === 0) return 0;
    const aij = (gv * gv) / (2 * gv * gv + sumA[c] * gv * gv * gv + 1e-6);
    return Math.max(gv, 0) * aij;
  });
}

export function xgradcamWeights64(
  a: ArrayLike<number>,
  g: ArrayLike<number>,
  p: number,
  k: number,
): Float64Array {
  const sumA = channelSums(p, k, (i, c) => a[i * k + c]);
  return channelSums(p, k, (i, c) => (g[i * k + c] * a[i * k + c]) / (sumA[c] + 1e-7));
}

export function layercam64(a: ArrayLike<number>, g: ArrayLike<number>, p: number, k: number): Float64Array {
  const out = new Float64Array(p);
  for (let i = 0; i < p; i++) for (let c = 0; c < k; c++) out[i] += Math.max(g[i * k + c], 0) * a[i * k + c];
  return out;
}

export function hirescam64(a: ArrayLike<number>, g: ArrayLike<number>, p: number, k: number): Float64Array {
  const out = new Float64Array(p);
  for (let i = 0; i < p; i++) for (let c = 0; c < k; c++) out[i] += g[i * k + c] * a[i * k + c];
  return out;
}

/**
 * get_2d_projection by power iteration on the centred covariance (a different algorithm from
 * camkit's Jacobi), sign fixed so the map correlates positively with the centred channel sum.
 */
export function eigencam64(a: ArrayLike<number>, p: number, k: number): Float64Array {
  const x = new Float64Array(p * k);
  for (let c = 0; c < k; c++) {
    let mean = 0;
    for (let i = 0; i < p; i++) mean += a[i * k + c] / p;
    for (let i = 0; i < p; i++) x[i * k + c] = a[i * k + c] - mean;
  }
  let v = Float64Array.from({ length: k }, (_, i) => 1 + 0.01 * Math.sin(i + 1));
  for (let it = 0; it < 5000; it++) {
    const xv = new Float64Array(p);
    for (let i = 0; i < p; i++) for (let c = 0; c < k; c++) xv[i] += x[i * k + c] * v[c];
    const next = new Float64Array(k);
    for (let i = 0; i < p; i++) for (let c = 0; c < k; c++) next[c] += x[i * k + c] * xv[i];
    const norm = Math.hypot(...next);
    v = next.map((e) => e / norm);
  }
  const proj = new Float64Array(p);
  let agree = 0;
  for (let i = 0; i < p; i++) {
    let rowSum = 0;
    for (let c = 0; c < k; c++) {
      proj[i] += x[i * k + c] * v[c];
      rowSum += x[i * k + c];
    }
    agree += proj[i] * rowSum;
  }
  return agree < 0 ? proj.map((e) => -e) : proj;
}

export function gradcamElementwise64(
  a: ArrayLike<number>,
  g: ArrayLike<number>,
  p: number,
  k: number,
): Float64Array {
  const out = new Float64Array(p);
  for (let i = 0; i < p; i++) for (let c = 0; c < k; c++) out[i] += Math.max(g[i * k + c] * a[i * k + c], 0);
  return out;
}

/** EigenGrad-CAM: `eigencam64` of the element-wise product g·A. */
export function eigengradcam64(
  a: ArrayLike<number>,
  g: ArrayLike<number>,
  p: number,
  k: number,
): Float64Array {
  return eigencam64(
    Float64Array.from({ length: p * k }, (_, j) => g[j] * a[j]),
    p,
    k,
  );
}

/**
 * AblationCAM's weights for one image and class, written from the library's loop: channel c is
 * the (c mod batch)-th sample of its batch; `score(ablated)` is the target logit of the rest of
 * the network. Ablation value: 0 when min(A) = 0, else min(A) lowered by 1e7 once per sample
 * up to and including this one, in float32.
 */
export function ablationcamWeights64(
  a: ArrayLike<number>,
  p: number,
  k: number,
  batch: number,
  score: (ablated: Float64Array) => number,
): Float64Array {
  let min = Infinity;
  for (let i = 0; i < a.length; i++) min = Math.min(min, a[i]);
  const s = score(Float64Array.from(a));
  const out = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let value = 0;
    if (min !== 0) {
      value = Math.fround(min);
      for (let j = 0; j <= c % batch; j++) value = Math.fround(value - 1e7);
    }
    const ablated = Float64Array.from(a);
    for (let i = 0; i < p; i++) ablated[i * k + c] = value;
    out[c] = Math.fround(Math.fround(s - score(ablated)) / Math.fround(s));
  }
  return out;
}
