/**
 * Eigen-CAM's map for one image, as pytorch-grad-cam's `get_2d_projection`: the activations as a
 * `[h·w, K]` matrix, each channel centred over positions, projected on their first principal
 * direction (the first right-singular vector of the SVD). Computed in float64.
 *
 * An SVD fixes a singular vector only up to sign and the library keeps whatever LAPACK returns;
 * camkit makes it deterministic: the sign for which the projection correlates positively with
 * the centred channel sum Σ_k A_k, i.e. the map points toward "more activation". Returns `[h·w]`.
 */
export function eigenProjection(
  activations: ArrayLike<number>,
  positions: number,
  channels: number,
): Float64Array {
  const p = positions;
  const k = channels;
  const x = new Float64Array(p * k);
  for (let c = 0; c < k; c++) {
    let mean = 0;
    for (let i = 0; i < p; i++) mean += Number.isNaN(activations[i * k + c]) ? 0 : activations[i * k + c];
    mean /= p;
    for (let i = 0; i < p; i++) {
      const v = activations[i * k + c];
      x[i * k + c] = (Number.isNaN(v) ? 0 : v) - mean;
    }
  }
  // The smaller Gram matrix has the same leading direction: XᵀX v = λv, or XXᵀu = λu with v ∝ Xᵀu.
  const direction = new Float64Array(k);
  if (k <= p) {
    const gram = new Float64Array(k * k);
    for (let i = 0; i < p; i++) {
      for (let a = 0; a < k; a++) {
        const xa = x[i * k + a];
        if (xa === 0) continue;
        for (let b = a; b < k; b++) gram[a * k + b] += xa * x[i * k + b];
      }
    }
    for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) gram[a * k + b] = gram[b * k + a];
    direction.set(topEigenvector(gram, k));
  } else {
    const gram = new Float64Array(p * p);
    for (let i = 0; i < p; i++) {
      for (let j = i; j < p; j++) {
        let s = 0;
        for (let c = 0; c < k; c++) s += x[i * k + c] * x[j * k + c];
        gram[i * p + j] = s;
        gram[j * p + i] = s;
      }
    }
    const u = topEigenvector(gram, p);
    let norm = 0;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let i = 0; i < p; i++) s += x[i * k + c] * u[i];
      direction[c] = s;
      norm += s * s;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let c = 0; c < k; c++) direction[c] /= norm;
  }
  const projection = new Float64Array(p);
  let agreement = 0;
  for (let i = 0; i < p; i++) {
    let s = 0;
    let rowSum = 0;
    for (let c = 0; c < k; c++) {
      s += x[i * k + c] * direction[c];
      rowSum += x[i * k + c];
    }
    projection[i] = s;
    agreement += s * rowSum;
  }
  if (agreement < 0) for (let i = 0; i < p; i++) projection[i] = -projection[i];
  return projection;
}

/** Eigenvector of the largest eigenvalue of a symmetric n×n matrix (row-major), by cyclic Jacobi. */
export function topEigenvector(matrix: Float64Array, n: number): Float64Array {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let total = 0;
  for (let i = 0; i < n * n; i++) total += a[i] * a[i];
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += a[i * n + j] * a[i * n + j];
    if (off <= 1e-30 * total || off === 0) break;
    for (let q = 1; q < n; q++) {
      for (let r = 0; r < q; r++) {
        const apq = a[r * n + q];
        if (apq === 0) continue;
        const theta = (a[q * n + q] - a[r * n + r]) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let m = 0; m < n; m++) {
          const amr = a[m * n + r];
          const amq = a[m * n + q];
          a[m * n + r] = c * amr - s * amq;
          a[m * n + q] = s * amr + c * amq;
        }
        for (let m = 0; m < n; m++) {
          const arm = a[r * n + m];
          const aqm = a[q * n + m];
          a[r * n + m] = c * arm - s * aqm;
          a[q * n + m] = s * arm + c * aqm;
        }
        for (let m = 0; m < n; m++) {
          const vmr = v[m * n + r];
          const vmq = v[m * n + q];
          v[m * n + r] = c * vmr - s * vmq;
          v[m * n + q] = s * vmr + c * vmq;
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i < n; i++) if (a[i * n + i] > a[best * n + best]) best = i;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = v[i * n + best];
  return out;
}
