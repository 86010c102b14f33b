import { backend_util } from '@tensorflow/tfjs-core';

/** The attributes of tfjs's `MaxPoolGrad` (and `AvgPoolGrad`). */
export interface PoolGradAttrs {
  filterSize: [number, number] | number;
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** One pool window clipped to the input: rows [yLo, yHi), columns [xLo, xHi) of image `b`. */
export interface PoolWindow {
  yLo: number;
  yHi: number;
  xLo: number;
  xHi: number;
  /** Offset of this window's dy (its C channels) in `[n, oh, ow, c]`. */
  from: number;
  /** Offset of the window's first cell (its C channels) in the input `[n, h, w, c]`. */
  first: number;
}

/** What a pool gradient does with each window: once before its cells, at each cell, once after. */
export interface PoolWindowVisitor {
  start(window: PoolWindow): void;
  /** `at`: the cell's offset (channel 0) in the input; cells come in row-major order. Without it, windows only. */
  cell?(at: number, window: PoolWindow): void;
  end?(window: PoolWindow): void;
}

/**
 * The window and cell walker both pool gradients share: visits every output position of a pool
 * over NHWC `[n, h, w, c]` with geometry `info`, its window clipped to the input (padding is never
 * a cell); windows entirely in the padding are skipped (no cell to give their dy to).
 */
export function forEachPoolWindow(
  shape: readonly [number, number, number, number],
  info: backend_util.Conv2DInfo,
  visitor: PoolWindowVisitor,
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
        const window: PoolWindow = {
          yLo,
          yHi,
          xLo,
          xHi,
          from: ((b * oh + oy) * ow + ox) * c,
          first: ((b * h + yLo) * w + xLo) * c,
        };
        visitor.start(window);
        if (visitor.cell) {
          for (let iy = yLo; iy < yHi; iy++) {
            for (let ix = xLo; ix < xHi; ix++) visitor.cell(((b * h + iy) * w + ix) * c, window);
          }
        }
        visitor.end?.(window);
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
  const c = shape[3];
  const best = new Float32Array(c);
  const where = new Int32Array(c);
  forEachPoolWindow(shape, info, {
    // The window's first element, then any strictly greater one: first max wins (the first cell
    // is visited again, and is never greater than itself).
    start: ({ first }) => {
      for (let ch = 0; ch < c; ch++) {
        best[ch] = x[first + ch] as number;
        where[ch] = first + ch;
      }
    },
    cell: (at) => {
      for (let ch = 0; ch < c; ch++) {
        const v = x[at + ch] as number;
        if (v > (best[ch] as number)) {
          best[ch] = v;
          where[ch] = at + ch;
        }
      }
    },
    end: ({ from }) => {
      for (let ch = 0; ch < c; ch++) {
        const to = where[ch] as number;
        dx[to] = (dx[to] as number) + (dy[from + ch] as number);
      }
    },
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
  let scale = 0; // of the current window: 1 / its cell count
  const c = shape[3];
  forEachPoolWindow(shape, info, {
    start: ({ yLo, yHi, xLo, xHi }) => {
      scale = 1 / ((yHi - yLo) * (xHi - xLo));
    },
    cell: (at, { from }) => {
      for (let ch = 0; ch < c; ch++)
        dx[at + ch] = (dx[at + ch] as number) + (dy[from + ch] as number) * scale;
    },
  });
}
