import { type WebGPUProgram, webgpu_util } from '@tensorflow/tfjs-backend-webgpu';

/** Threads per workgroup of the CamFuse programs (a reduction tree, so a power of two). */
export const CAM_WORKGROUP = 256;
/** Output pixels per thread in the resize passes: a tile is CAM_WORKGROUP * CAM_PIXELS_PER_THREAD. */
export const CAM_PIXELS_PER_THREAD = 4;

// A tree reduction of the per-thread lo/hi in workgroup memory. Every invocation reaches every
// barrier (the loop bounds are constants), which WGSL's uniformity rules require.
function reduceMinMax(wg: number): string {
  return `
    redMin[lid] = lo;
    redMax[lid] = hi;
    workgroupBarrier();
    for (var s = ${wg / 2}; s > 0; s = s / 2) {
      if (lid < s) {
        redMin[lid] = min(redMin[lid], redMin[lid + s]);
        redMax[lid] = max(redMax[lid], redMax[lid + s]);
      }
      workgroupBarrier();
    }
    let mn = redMin[0];
    let mx = redMax[0];`;
}

function workgroupArrays(wg: number): string {
  return `
    var<workgroup> redMin : array<f32, ${wg}>;
    var<workgroup> redMax : array<f32, ${wg}>;`;
}

/** One workgroup per map: `dispatch` covers `workgroups` groups on the flat layout. */
function flatGroups(workgroups: number, wg: number) {
  const virtualShape = [workgroups * wg];
  const dispatchLayout = webgpu_util.flatDispatchLayout(virtualShape);
  const dispatch = webgpu_util.computeDispatch(dispatchLayout, virtualShape, [wg, 1, 1]);
  return { dispatchLayout, dispatch };
}

/**
 * Pass 1, one workgroup per (n, c) map: s[p] = sum_k features[n, p, k] * weights[(n,) k, c] for
 * every low-resolution pixel p, ReLU, then (normalize) the map's min/max reduced in workgroup
 * memory and the map rewritten as (s - min) / (max - min + 1e-7). Output [N, C, h*w].
 * Uniforms: numMaps, numClasses (C), numChannels (K), hw, weightsBatchStride (K*C or 0), iters.
 */
export class CamFuseSumProgram implements WebGPUProgram {
  variableNames = ['features', 'weights'];
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [CAM_WORKGROUP, 1, 1];
  uniforms =
    'numMaps : i32, numClasses : i32, numChannels : i32, hw : i32, weightsBatchStride : i32, iters : i32,';
  size = true;
  private readonly relu: boolean;
  private readonly normalize: boolean;

  constructor(n: number, c: number, hw: number, relu: boolean, normalize: boolean) {
    this.outputShape = [n, c, hw];
    ({ dispatchLayout: this.dispatchLayout, dispatch: this.dispatch } = flatGroups(n * c, CAM_WORKGROUP));
    this.relu = relu;
    this.normalize = normalize;
    this.shaderKey = `camkitCamFuseSum_${CAM_WORKGROUP}_${relu}_${normalize}`;
  }

  getUserCode(): string {
    const wg = CAM_WORKGROUP;
    return `
    ${workgroupArrays(wg)}
    fn main(index : i32) {
      let lid = i32(localId.x);
      // The dispatch may be padded to a 2-D grid: surplus groups compute map numMaps-1, write nothing.
      let map = index / ${wg};
      let valid = map < uniforms.numMaps;
      let m = min(map, uniforms.numMaps - 1);
      let n = m / uniforms.numClasses;
      let c = m - n * uniforms.numClasses;
      let wBase = n * uniforms.weightsBatchStride + c;
      var lo = uniforms.INFINITY;
      var hi = -uniforms.INFINITY;
      for (var i = 0; i < uniforms.iters; i++) {
        let p = lid + i * ${wg};
        if (p < uniforms.hw) {
          let fBase = (n * uniforms.hw + p) * uniforms.numChannels;
          var acc = 0.0;
          for (var k = 0; k < uniforms.numChannels; k++) {
            acc = acc + features[fBase + k] * weights[wBase + k * uniforms.numClasses];
          }
          ${this.relu ? 'acc = max(acc, 0.0);' : ''}
          let o = m * uniforms.hw + p;
          if (valid && o < uniforms.size) {
            result[o] = acc;
          }
          lo = min(lo, acc);
          hi = max(hi, acc);
        }
      }
      ${
        this.normalize
          ? `${reduceMinMax(wg)}
      let inv = 1.0 / (mx - mn + 1e-7);
      for (var i = 0; i < uniforms.iters; i++) {
        let p = lid + i * ${wg};
        let o = m * uniforms.hw + p;
        if (valid && p < uniforms.hw && o < uniforms.size) {
          result[o] = (result[o] - mn) * inv;
        }
      }`
          : ''
      }
    }`;
  }
}

// Bilinear sample of map m's low-res values at output pixel pix, computed on the fly; identical
// in the min/max pass and the write pass, so both see the same numbers.
function upsampleFn(relu: boolean): string {
  return `
    fn upsample(base : i32, pix : i32) -> f32 {
      let y = pix / uniforms.outW;
      let x = pix - y * uniforms.outW;
      let sy = (f32(y) + uniforms.offset) * uniforms.scaleY - uniforms.offset;
      let sx = (f32(x) + uniforms.offset) * uniforms.scaleX - uniforms.offset;
      let fy = floor(sy);
      let fx = floor(sx);
      let y0 = clamp(i32(fy), 0, uniforms.h - 1);
      let y1 = clamp(i32(fy) + 1, 0, uniforms.h - 1);
      let x0 = clamp(i32(fx), 0, uniforms.w - 1);
      let x1 = clamp(i32(fx) + 1, 0, uniforms.w - 1);
      let ty = select(sy - fy, 0.0, sy < 0.0);
      let tx = select(sx - fx, 0.0, sx < 0.0);
      let a = low[base + y0 * uniforms.w + x0];
      let b = low[base + y0 * uniforms.w + x1];
      let c = low[base + y1 * uniforms.w + x0];
      let d = low[base + y1 * uniforms.w + x1];
      let top = a + (b - a) * tx;
      let bottom = c + (d - c) * tx;
      ${relu ? 'return max(top + (bottom - top) * ty, 0.0);' : 'return top + (bottom - top) * ty;'}
    }`;
}

const RESIZE_UNIFORMS =
  'numMaps : i32, h : i32, w : i32, outW : i32, outHW : i32, numTiles : i32, scaleY : f32, scaleX : f32, offset : f32,';

/**
 * Pass 2 (normalize only), one workgroup per (map, tile of output pixels): the min and max of the
 * upsampled (and ReLU'd) map over the tile, from the low-res map; nothing full-size is written.
 * Output [numMaps, numTiles, 2]. The second min-max needs the whole map's extremes before any
 * pixel is written, which is the one global dependency that costs a separate dispatch.
 */
export class CamFuseTileMinMaxProgram implements WebGPUProgram {
  variableNames = ['low'];
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [CAM_WORKGROUP, 1, 1];
  uniforms = RESIZE_UNIFORMS;
  size = true;
  private readonly relu: boolean;

  constructor(numMaps: number, numTiles: number, relu: boolean) {
    this.outputShape = [numMaps, numTiles, 2];
    ({ dispatchLayout: this.dispatchLayout, dispatch: this.dispatch } = flatGroups(
      numMaps * numTiles,
      CAM_WORKGROUP,
    ));
    this.relu = relu;
    this.shaderKey = `camkitCamFuseTileMinMax_${CAM_WORKGROUP}_${CAM_PIXELS_PER_THREAD}_${relu}`;
  }

  getUserCode(): string {
    const wg = CAM_WORKGROUP;
    return `
    ${workgroupArrays(wg)}
    ${upsampleFn(this.relu)}
    fn main(index : i32) {
      let lid = i32(localId.x);
      let group = index / ${wg};
      let total = uniforms.numMaps * uniforms.numTiles;
      let t = min(group, total - 1);
      let m = t / uniforms.numTiles;
      let tile = t - m * uniforms.numTiles;
      let base = m * uniforms.h * uniforms.w;
      var lo = uniforms.INFINITY;
      var hi = -uniforms.INFINITY;
      for (var i = 0; i < ${CAM_PIXELS_PER_THREAD}; i++) {
        let pix = (tile * ${CAM_PIXELS_PER_THREAD} + i) * ${wg} + lid;
        if (pix < uniforms.outHW) {
          let v = upsample(base, pix);
          lo = min(lo, v);
          hi = max(hi, v);
        }
      }
      ${reduceMinMax(wg)}
      if (lid == 0 && group < total && t * 2 + 1 < uniforms.size) {
        result[t * 2] = mn;
        result[t * 2 + 1] = mx;
      }
    }`;
  }
}

/**
 * Pass 3, one workgroup per (map, tile): (normalize) reduces the map's tile extremes from pass 2
 * in workgroup memory, then writes each output pixel once: upsample, ReLU, min-max.
 * Output [N, C, H, W].
 */
export class CamFuseWriteProgram implements WebGPUProgram {
  variableNames: string[];
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [CAM_WORKGROUP, 1, 1];
  uniforms = RESIZE_UNIFORMS;
  size = true;
  private readonly relu: boolean;
  private readonly normalize: boolean;

  constructor(
    outShape: [number, number, number, number],
    numTiles: number,
    relu: boolean,
    normalize: boolean,
  ) {
    this.outputShape = outShape;
    this.variableNames = normalize ? ['low', 'partials'] : ['low'];
    ({ dispatchLayout: this.dispatchLayout, dispatch: this.dispatch } = flatGroups(
      outShape[0] * outShape[1] * numTiles,
      CAM_WORKGROUP,
    ));
    this.relu = relu;
    this.normalize = normalize;
    this.shaderKey = `camkitCamFuseWrite_${CAM_WORKGROUP}_${CAM_PIXELS_PER_THREAD}_${relu}_${normalize}`;
  }

  getUserCode(): string {
    const wg = CAM_WORKGROUP;
    const norm = this.normalize;
    return `
    ${norm ? workgroupArrays(wg) : ''}
    ${upsampleFn(this.relu)}
    fn main(index : i32) {
      let lid = i32(localId.x);
      let group = index / ${wg};
      let total = uniforms.numMaps * uniforms.numTiles;
      let t = min(group, total - 1);
      let m = t / uniforms.numTiles;
      let tile = t - m * uniforms.numTiles;
      let base = m * uniforms.h * uniforms.w;
      ${
        norm
          ? `var lo = uniforms.INFINITY;
      var hi = -uniforms.INFINITY;
      let tileIters = (uniforms.numTiles + ${wg - 1}) / ${wg};
      for (var i = 0; i < tileIters; i++) {
        let j = lid + i * ${wg};
        if (j < uniforms.numTiles) {
          lo = min(lo, partials[(m * uniforms.numTiles + j) * 2]);
          hi = max(hi, partials[(m * uniforms.numTiles + j) * 2 + 1]);
        }
      }
      ${reduceMinMax(wg)}
      let inv = 1.0 / (mx - mn + 1e-7);`
          : ''
      }
      for (var i = 0; i < ${CAM_PIXELS_PER_THREAD}; i++) {
        let pix = (tile * ${CAM_PIXELS_PER_THREAD} + i) * ${wg} + lid;
        let o = m * uniforms.outHW + pix;
        if (group < total && pix < uniforms.outHW && o < uniforms.size) {
          let v = upsample(base, pix);
          result[o] = ${norm ? '(v - mn) * inv' : 'v'};
        }
      }
    }`;
  }
}
