/**
 * Float64 loops for a forward NHWC conv and its two gradients, written straight from the
 * definition out[n,y,x,co] = Σ in[n, y·s + ky·d − pT, x·s + kx·d − pL, ci] · W[ky,kx,ci,co].
 * The independent reference for the kernel tests (no tfjs involved).
 */
export interface RefConv {
  xShape: [number, number, number, number];
  wShape: [number, number, number, number];
  stride: [number, number];
  dilation: [number, number];
  padTop: number;
  padLeft: number;
  outH: number;
  outW: number;
}

function forEachTap(c: RefConv, visit: (xIndex: number, wIndex: number, yIndex: number) => void): void {
  const [n, h, w, ci] = c.xShape;
  const [kh, kw, , co] = c.wShape;
  for (let b = 0; b < n; b++)
    for (let y = 0; y < c.outH; y++)
      for (let x = 0; x < c.outW; x++)
        for (let ky = 0; ky < kh; ky++) {
          const iy = y * c.stride[0] + ky * c.dilation[0] - c.padTop;
          if (iy < 0 || iy >= h) continue;
          for (let kx = 0; kx < kw; kx++) {
            const ix = x * c.stride[1] + kx * c.dilation[1] - c.padLeft;
            if (ix < 0 || ix >= w) continue;
            for (let i = 0; i < ci; i++)
              for (let o = 0; o < co; o++)
                visit(
                  ((b * h + iy) * w + ix) * ci + i,
                  ((ky * kw + kx) * ci + i) * co + o,
                  ((b * c.outH + y) * c.outW + x) * co + o,
                );
          }
        }
}

/** Forward conv in float64. */
export function refConv(c: RefConv, x: ArrayLike<number>, w: ArrayLike<number>): Float64Array {
  const out = new Float64Array(c.xShape[0] * c.outH * c.outW * c.wShape[3]);
  forEachTap(c, (xi, wi, yi) => {
    out[yi] += x[xi] * w[wi];
  });
  return out;
}

/** dL/dx and dL/dW for upstream gradient dy, in float64. */
export function refConvGrads(
  c: RefConv,
  x: ArrayLike<number>,
  w: ArrayLike<number>,
  dy: ArrayLike<number>,
): { dx: Float64Array; dw: Float64Array } {
  const dx = new Float64Array(x.length);
  const dw = new Float64Array(w.length);
  forEachTap(c, (xi, wi, yi) => {
    dx[xi] += dy[yi] * w[wi];
    dw[wi] += dy[yi] * x[xi];
  });
  return { dx, dw };
}

/** A conv's shapes and options, as a test case states them. */
export interface RefConvSpec {
  x: [number, number, number, number];
  k: [number, number];
  /** Output channels (for a depthwise conv: the channel multiplier). */
  co: number;
  stride: [number, number];
  pad: 'same' | 'valid' | [[0, 0], [number, number], [number, number], [0, 0]];
  dilation?: [number, number];
}

/** Geometry worked out independently of tfjs (TensorFlow's documented 'same'/'valid' rules). */
export function refConvGeometry(c: RefConvSpec): RefConv {
  const [, h, w] = c.x;
  const d = c.dilation ?? [1, 1];
  const span = [(c.k[0] - 1) * d[0] + 1, (c.k[1] - 1) * d[1] + 1] as [number, number];
  let outH: number;
  let outW: number;
  let padTop = 0;
  let padLeft = 0;
  if (c.pad === 'valid') {
    outH = Math.ceil((h - span[0] + 1) / c.stride[0]);
    outW = Math.ceil((w - span[1] + 1) / c.stride[1]);
  } else if (c.pad === 'same') {
    outH = Math.ceil(h / c.stride[0]);
    outW = Math.ceil(w / c.stride[1]);
    padTop = Math.floor(Math.max(0, (outH - 1) * c.stride[0] + span[0] - h) / 2);
    padLeft = Math.floor(Math.max(0, (outW - 1) * c.stride[1] + span[1] - w) / 2);
  } else {
    padTop = c.pad[1][0];
    padLeft = c.pad[2][0];
    outH = Math.floor((h + c.pad[1][0] + c.pad[1][1] - span[0]) / c.stride[0]) + 1;
    outW = Math.floor((w + c.pad[2][0] + c.pad[2][1] - span[1]) / c.stride[1]) + 1;
  }
  return {
    xShape: c.x,
    wShape: [c.k[0], c.k[1], c.x[3], c.co],
    stride: c.stride,
    dilation: d,
    padTop,
    padLeft,
    outH,
    outW,
  };
}

/**
 * Depthwise conv (filter `[kH, kW, C, m]`, output channel c·m + j) and its two gradients in
 * float64: y[n, y, x, c·m + j] = Σ_{ky,kx} in[n, iy, ix, c] · W[ky, kx, c, j].
 */
export function refDepthwise(
  c: RefConv,
  x: ArrayLike<number>,
  w: ArrayLike<number>,
  dy: ArrayLike<number>,
): { y: Float64Array; dx: Float64Array; dw: Float64Array } {
  const [n, h, wd, ci] = c.xShape;
  const [kh, kw, , m] = c.wShape;
  const co = ci * m;
  const y = new Float64Array(n * c.outH * c.outW * co);
  const dx = new Float64Array(x.length);
  const dw = new Float64Array(w.length);
  for (let b = 0; b < n; b++)
    for (let oy = 0; oy < c.outH; oy++)
      for (let ox = 0; ox < c.outW; ox++)
        for (let ky = 0; ky < kh; ky++) {
          const iy = oy * c.stride[0] + ky * c.dilation[0] - c.padTop;
          if (iy < 0 || iy >= h) continue;
          for (let kx = 0; kx < kw; kx++) {
            const ix = ox * c.stride[1] + kx * c.dilation[1] - c.padLeft;
            if (ix < 0 || ix >= wd) continue;
            for (let i = 0; i < ci; i++)
              for (let j = 0; j < m; j++) {
                const xi = ((b * h + iy) * wd + ix) * ci + i;
                const wi = ((ky * kw + kx) * ci + i) * m + j;
                const yi = ((b * c.outH + oy) * c.outW + ox) * co + i * m + j;
                y[yi] += x[xi] * w[wi];
                dx[xi] += dy[yi] * w[wi];
                dw[wi] += dy[yi] * x[xi];
              }
          }
        }
  return { y, dx, dw };
}
