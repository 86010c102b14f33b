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
