import { FlatProgram, WG } from '../../webgpu/flat-program.js';

/** The pool geometry every program here takes, in this order, as i32 uniforms. */
export const POOL_UNIFORMS =
  'inH : i32, inW : i32, channels : i32, outH : i32, outW : i32, fH : i32, fW : i32, sH : i32, sW : i32, padTop : i32, padLeft : i32,';

/** One thread per element of `outputShape` (NHWC), flat dispatch, the pool geometry as uniforms. */
abstract class PoolProgram extends FlatProgram {
  uniforms = POOL_UNIFORMS;
}

/**
 * Pass 1 of MaxPoolGrad, one thread per pooled element (b, oy, ox, c): the window offset
 * ky·fW + kx of its FIRST maximum in row-major order (padding never a candidate; −1 for a window
 * entirely in the padding). A strict `>` keeps the first of equal values, as cpu and PyTorch do —
 * tfjs-webgpu's own positions pass starts from 0.0 and lets a later tie win.
 */
export class MaxPoolPositionsProgram extends PoolProgram {
  variableNames = ['x'];
  shaderKey = `camkitMaxPoolPositions_${WG}`;

  getUserCode(): string {
    return `
    fn main(index : i32) {
      if (index < uniforms.size) {
        let c = index % uniforms.channels;
        let pix = index / uniforms.channels;
        let ox = pix % uniforms.outW;
        let oy = (pix / uniforms.outW) % uniforms.outH;
        let b = pix / (uniforms.outW * uniforms.outH);
        let y0 = oy * uniforms.sH - uniforms.padTop;
        let x0 = ox * uniforms.sW - uniforms.padLeft;
        var best = 0.0;
        var arg = -1;
        for (var ky = 0; ky < uniforms.fH; ky++) {
          let iy = y0 + ky;
          if (iy < 0 || iy >= uniforms.inH) { continue; }
          for (var kx = 0; kx < uniforms.fW; kx++) {
            let ix = x0 + kx;
            if (ix < 0 || ix >= uniforms.inW) { continue; }
            let v = x[((b * uniforms.inH + iy) * uniforms.inW + ix) * uniforms.channels + c];
            if (arg < 0 || v > best) {
              best = v;
              arg = ky * uniforms.fW + kx;
            }
          }
        }
        result[index] = arg;
      }
    }`;
  }
}

/** Visits, for input pixel (iy, ix), every pooled (oy, ox) whose window covers it. */
const COVERING = `
        let c = index % uniforms.channels;
        let pix = index / uniforms.channels;
        let ix = pix % uniforms.inW;
        let iy = (pix / uniforms.inW) % uniforms.inH;
        let b = pix / (uniforms.inW * uniforms.inH);
        // oy·sH − padTop ≤ iy < oy·sH − padTop + fH
        let ry = iy + uniforms.padTop;
        let rx = ix + uniforms.padLeft;
        let oyLo = max(0, (ry - uniforms.fH + uniforms.sH) / uniforms.sH);
        let oyHi = min(uniforms.outH - 1, ry / uniforms.sH);
        let oxLo = max(0, (rx - uniforms.fW + uniforms.sW) / uniforms.sW);
        let oxHi = min(uniforms.outW - 1, rx / uniforms.sW);
        var acc = 0.0;
        for (var oy = oyLo; oy <= oyHi; oy++) {
          let ky = ry - oy * uniforms.sH;
          for (var ox = oxLo; ox <= oxHi; ox++) {
            let kx = rx - ox * uniforms.sW;
            let at = ((b * uniforms.outH + oy) * uniforms.outW + ox) * uniforms.channels + c;`;

/**
 * Pass 2 of MaxPoolGrad, one thread per input element: the sum of dy over the windows whose
 * first maximum (pass 1) is this element — a gather, so no atomics and each dx written once.
 */
export class MaxPoolGradProgram extends PoolProgram {
  variableNames = ['dy', 'positions'];
  shaderKey = `camkitMaxPoolGrad_${WG}`;

  getUserCode(): string {
    return `
    fn main(index : i32) {
      if (index < uniforms.size) {${COVERING}
            if (positions[at] == ky * uniforms.fW + kx) {
              acc = acc + dy[at];
            }
          }
        }
        result[index] = acc;
      }
    }`;
  }
}

/**
 * AvgPoolGrad, one thread per input element: Σ dy / count over the windows covering it, count
 * being the window's inputs inside the image (padding not counted, as in tfjs's forward pool).
 */
export class AvgPoolGradProgram extends PoolProgram {
  variableNames = ['dy'];
  shaderKey = `camkitAvgPoolGrad_${WG}`;

  getUserCode(): string {
    return `
    fn main(index : i32) {
      if (index < uniforms.size) {${COVERING}
            let y0 = oy * uniforms.sH - uniforms.padTop;
            let x0 = ox * uniforms.sW - uniforms.padLeft;
            let rows = min(uniforms.inH, y0 + uniforms.fH) - max(0, y0);
            let cols = min(uniforms.inW, x0 + uniforms.fW) - max(0, x0);
            acc = acc + dy[at] / f32(rows * cols);
          }
        }
        result[index] = acc;
      }
    }`;
  }
}
