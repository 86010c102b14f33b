/** A 2-D pool as a test case states it (NHWC input, TensorFlow's 'same' / 'valid' rules). */
export interface PoolSpec {
  x: [number, number, number, number];
  size: [number, number];
  stride: [number, number];
  pad: 'same' | 'valid' | [[0, 0], [number, number], [number, number], [0, 0]];
}

/** Output size and leading padding, worked out independently of tfjs. */
export function refPoolGeometry(p: PoolSpec): { outH: number; outW: number; top: number; left: number } {
  const [, h, w] = p.x;
  if (p.pad === 'valid') {
    return {
      outH: Math.ceil((h - p.size[0] + 1) / p.stride[0]),
      outW: Math.ceil((w - p.size[1] + 1) / p.stride[1]),
      top: 0,
      left: 0,
    };
  }
  if (p.pad === 'same') {
    const outH = Math.ceil(h / p.stride[0]);
    const outW = Math.ceil(w / p.stride[1]);
    const top = Math.floor(Math.max(0, (outH - 1) * p.stride[0] + p.size[0] - h) / 2);
    const left = Math.floor(Math.max(0, (outW - 1) * p.stride[1] + p.size[1] - w) / 2);
    return { outH, outW, top, left };
  }
  return {
    outH: Math.floor((h + p.pad[1][0] + p.pad[1][1] - p.size[0]) / p.stride[0]) + 1,
    outW: Math.floor((w + p.pad[2][0] + p.pad[2][1] - p.size[1]) / p.stride[1]) + 1,
    top: p.pad[1][0],
    left: p.pad[2][0],
  };
}

/**
 * Max and average pools and their gradients in float64, from the definitions: a window's maximum
 * is its first (row-major) largest input, padding never a candidate; its average is over the
 * inputs inside it (padding not counted, as TensorFlow's forward pool does).
 */
export function refPool(
  p: PoolSpec,
  x: ArrayLike<number>,
  dy: ArrayLike<number>,
): { max: Float64Array; avg: Float64Array; dxMax: Float64Array; dxAvg: Float64Array } {
  const [n, h, w, c] = p.x;
  const g = refPoolGeometry(p);
  const outSize = n * g.outH * g.outW * c;
  const max = new Float64Array(outSize);
  const avg = new Float64Array(outSize);
  const dxMax = new Float64Array(x.length);
  const dxAvg = new Float64Array(x.length);
  for (let b = 0; b < n; b++)
    for (let oy = 0; oy < g.outH; oy++)
      for (let ox = 0; ox < g.outW; ox++)
        for (let ch = 0; ch < c; ch++) {
          const o = ((b * g.outH + oy) * g.outW + ox) * c + ch;
          const inside: number[] = [];
          for (let ky = 0; ky < p.size[0]; ky++)
            for (let kx = 0; kx < p.size[1]; kx++) {
              const iy = oy * p.stride[0] + ky - g.top;
              const ix = ox * p.stride[1] + kx - g.left;
              if (iy >= 0 && iy < h && ix >= 0 && ix < w) inside.push(((b * h + iy) * w + ix) * c + ch);
            }
          if (inside.length === 0) continue;
          let arg = inside[0] as number;
          let sum = 0;
          for (const i of inside) {
            if (x[i] > x[arg]) arg = i;
            sum += x[i];
          }
          max[o] = x[arg];
          avg[o] = sum / inside.length;
          dxMax[arg] += dy[o];
          for (const i of inside) dxAvg[i] += dy[o] / inside.length;
        }
  return { max, avg, dxMax, dxAvg };
}
