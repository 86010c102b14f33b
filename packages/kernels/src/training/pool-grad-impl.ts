import { backend_util } from '@tensorflow/tfjs-core';

/** The attributes of tfjs's `MaxPoolGrad` (and `AvgPoolGrad`). */
export interface PoolGradAttrs {
  filterSize: [number, number] | number;
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** One pool window clipped to the input: rows [yLo, yHi), columns [xLo, xHi) of image `b`. */
interface PoolWindow {
  b: number;
  yLo: number;
  yHi: number;
  xLo: number;
  xHi: number;
  /** Offset of this window's dy (its C channels) in `[n, oh, ow, c]`. */
  from: number;
}

/**
 * The window walker both pool gradients share: calls `visit` for every output position of a pool
 * over NHWC `[n, h, w, c]` with geometry `info`, its window clipped to the input (padding is never
 * a cell); windows entirely in the padding are skipped (no cell to give their dy to).
 */
function forEachPoolWindow(
  shape: readonly [number, number, number, number],
  info: backend_util.Conv2DInfo,
  visit: (window: PoolWindow) => void,
): void {
  const [n, h, w, c] = shape;
  const {
    outHeight: oh,
    outWidth: ow,
    filterHeight: fh,
    filterWidth: fw,
    strideHeight: sh,
    strideWidth: sw,
  } = info;
  const { top, left } = info.padInfo;
  for (let b = 0; b < n; b++) {
    for (let oy = 0; oy < oh; oy++) {
      const y0 = oy * sh - top;
      const yLo = Math.max(0, y0);
      const yHi = Math.min(h, y0 + fh);
      for (let ox = 0; ox < ow; ox++) {
        const x0 = ox * sw - left;
        const xLo = Math.max(0, x0);
        const xHi = Math.min(w, x0 + fw);
        if (yLo >= yHi || xLo >= xHi) continue;
        visit({ b, yLo, yHi, xLo, xHi, from: ((b * oh + oy) * ow + ox) * c });
      }
    }
  }
}

/**
 * dx of a max pool over NHWC `x` `[n, h, w, c]` with window geometry `info`: each dy goes to the
 * FIRST maximum of its window in row-major order — positions in the padding are not candidates —
 * as tfjs-backend-cpu and PyTorch do. `dx` must be zeroed. The reference every backend's
 * `MaxPoolGrad` is tested against, and the wasm kernel itself (on heap views).
 */
export function maxPoolGradImpl(
  x: Float32Array,
  dy: Float32Array,
  dx: Float32Array,
  shape: readonly [number, number, number, number],
  info: backend_util.Conv2DInfo,
): void {
  const [, h, w, c] = shape;
  const best = new Float32Array(c);
  const where = new Int32Array(c);
  forEachPoolWindow(shape, info, ({ b, yLo, yHi, xLo, xHi, from }) => {
    // The window's first element in the input, then any strictly greater one: first max wins.
    const first = ((b * h + yLo) * w + xLo) * c;
    for (let ch = 0; ch < c; ch++) {
      best[ch] = x[first + ch] as number;
      where[ch] = first + ch;
    }
    for (let iy = yLo; iy < yHi; iy++) {
      for (let ix = iy === yLo ? xLo + 1 : xLo; ix < xHi; ix++) {
        const at = ((b * h + iy) * w + ix) * c;
        for (let ch = 0; ch < c; ch++) {
          const v = x[at + ch] as number;
          if (v > (best[ch] as number)) {
            best[ch] = v;
            where[ch] = at + ch;
          }
        }
      }
    }
    for (let ch = 0; ch < c; ch++) {
      const to = where[ch] as number;
      dx[to] = (dx[to] as number) + (dy[from + ch] as number);
    }
  });
}

/** tfjs's pool geometry for a `MaxPoolGrad` / `AvgPoolGrad` call. */
export function poolGradInfo(inputShape: readonly number[], attrs: PoolGradAttrs): backend_util.Conv2DInfo {
  return backend_util.computePool2DInfo(
    inputShape as [number, number, number, number],
    attrs.filterSize,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
}

/**
 * dx of an average pool, consistent with tfjs's forward pool (TensorFlow's rule): each window is
 * the mean of the inputs inside it, padding not counted, so each dy is shared by those inputs
 * only. tfjs 4.22's own `AvgPoolGrad` (cpu, wasm, webgpu) divides by the full window size
 * instead, which is wrong for windows that overlap the padding ('same' pools). `dx` must be zeroed.
 */
export function avgPoolGradImpl(
  dy: Float32Array,
  dx: Float32Array,
  shape: readonly [number, number, number, number],
  info: backend_util.Conv2DInfo,
): void {
  const [, h, w, c] = shape;
  forEachPoolWindow(shape, info, ({ b, yLo, yHi, xLo, xHi, from }) => {
    const scale = 1 / ((yHi - yLo) * (xHi - xLo));
    for (let iy = yLo; iy < yHi; iy++) {
      for (let ix = xLo; ix < xHi; ix++) {
        const at = ((b * h + iy) * w + ix) * c;
        for (let ch = 0; ch < c; ch++)
          dx[at + ch] = (dx[at + ch] as number) + (dy[from + ch] as number) * scale;
      }
    }
  });
}
