import { type WebGPUProgram, webgpu_util } from '@tensorflow/tfjs-backend-webgpu';

/** Threads per workgroup of the CamFuse programs (a reduction tree, so a power of two). */
export const CAM_WORKGROUP = 256;
/** Output rows per workgroup in the resize passes (a tile is TILE_ROWS x W pixels of one map). */
export const CAM_TILE_ROWS = 16;
/**
 * Largest low-res map (h*w) the resize passes stage in workgroup memory (8 KiB of the 16 KiB
 * WebGPU guarantees); larger maps are read from storage, normalised beforehand by
 * CamFuseLowNormProgram.
 */
export const CAM_SHARED_MAP = 2048;

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

/** Tile of the weighted-sum pass: pixels x classes per workgroup, channels per step. */
export const SUM_TILE_P = 64;
export const SUM_TILE_C = 64;
export const SUM_TILE_K = 16;

/**
 * Pass 1, the weighted sum as a tiled matrix product per image: S[n] = F[n] (hw x K) . W[n] (K x C),
 * then ReLU. A workgroup owns 64 pixels x 64 classes; each step stages a 64x16 tile of features
 * and a 16x64 tile of weights in workgroup memory with coalesced loads (neighbouring threads read
 * neighbouring channels / classes), and each thread accumulates 4 pixels x 4 classes from there.
 * The features are read from memory once per 64 classes (once in all when C <= 64).
 * Output [N, C, h*w], pixels contiguous, so the later passes read each map as one run.
 * Uniforms: numChannels (K), numClasses (C), hw, tilesP, tilesC, numGroups, weightsBatchStride
 * (K*C, or 0 for shared [K, C] weights), kTiles.
 */
export class CamFuseSumProgram implements WebGPUProgram {
  variableNames = ['features', 'weights'];
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [CAM_WORKGROUP, 1, 1];
  uniforms =
    'numChannels : i32, numClasses : i32, hw : i32, tilesP : i32, tilesC : i32, numGroups : i32, weightsBatchStride : i32, kTiles : i32,';
  size = true;
  private readonly relu: boolean;

  constructor(n: number, c: number, hw: number, relu: boolean) {
    this.outputShape = [n, c, hw];
    const groups = n * Math.ceil(hw / SUM_TILE_P) * Math.ceil(c / SUM_TILE_C);
    ({ dispatchLayout: this.dispatchLayout, dispatch: this.dispatch } = flatGroups(groups, CAM_WORKGROUP));
    this.relu = relu;
    this.shaderKey = `camkitCamFuseSum_${CAM_WORKGROUP}_${SUM_TILE_P}_${SUM_TILE_C}_${SUM_TILE_K}_${relu}`;
  }

  getUserCode(): string {
    const wg = CAM_WORKGROUP;
    const tp = SUM_TILE_P;
    const tc = SUM_TILE_C;
    const tk = SUM_TILE_K;
    return `
    var<workgroup> fTile : array<f32, ${tp * tk}>;
    var<workgroup> wTile : array<f32, ${tk * tc}>;
    fn main(index : i32) {
      let lid = i32(localId.x);
      let group = index / ${wg};
      let valid = group < uniforms.numGroups;
      let g = min(group, uniforms.numGroups - 1);
      let perImage = uniforms.tilesP * uniforms.tilesC;
      let n = g / perImage;
      let r = g - n * perImage;
      let p0 = (r / uniforms.tilesC) * ${tp};
      let c0 = (r - (r / uniforms.tilesC) * uniforms.tilesC) * ${tc};
      let tx = lid % 16;
      let ty = lid / 16;
      let fBase = n * uniforms.hw * uniforms.numChannels;
      let wBase = n * uniforms.weightsBatchStride;
      var acc : array<array<f32, 4>, 4>;
      for (var i = 0; i < 4; i++) {
        for (var j = 0; j < 4; j++) {
          acc[i][j] = 0.0;
        }
      }
      for (var kt = 0; kt < uniforms.kTiles; kt++) {
        let k0 = kt * ${tk};
        for (var e0 = 0; e0 < ${tp * tk}; e0 += ${wg}) {
          let e = e0 + lid;
          let kk = e % ${tk};
          let pl = e / ${tk};
          var v = 0.0;
          if (p0 + pl < uniforms.hw && k0 + kk < uniforms.numChannels) {
            v = features[fBase + (p0 + pl) * uniforms.numChannels + k0 + kk];
          }
          fTile[kk * ${tp} + pl] = v;
        }
        for (var e0 = 0; e0 < ${tk * tc}; e0 += ${wg}) {
          let e = e0 + lid;
          let cl = e % ${tc};
          let kk = e / ${tc};
          var v = 0.0;
          if (c0 + cl < uniforms.numClasses && k0 + kk < uniforms.numChannels) {
            v = weights[wBase + (k0 + kk) * uniforms.numClasses + c0 + cl];
          }
          wTile[kk * ${tc} + cl] = v;
        }
        workgroupBarrier();
        for (var kk = 0; kk < ${tk}; kk++) {
          var a : array<f32, 4>;
          var b : array<f32, 4>;
          for (var i = 0; i < 4; i++) {
            a[i] = fTile[kk * ${tp} + tx + 16 * i];
            b[i] = wTile[kk * ${tc} + ty + 16 * i];
          }
          for (var i = 0; i < 4; i++) {
            for (var j = 0; j < 4; j++) {
              acc[i][j] = acc[i][j] + a[i] * b[j];
            }
          }
        }
        workgroupBarrier();
      }
      for (var i = 0; i < 4; i++) {
        for (var j = 0; j < 4; j++) {
          let p = p0 + tx + 16 * i;
          let c = c0 + ty + 16 * j;
          let o = (n * uniforms.numClasses + c) * uniforms.hw + p;
          if (valid && p < uniforms.hw && c < uniforms.numClasses && o < uniforms.size) {
            ${this.relu ? 'result[o] = max(acc[i][j], 0.0);' : 'result[o] = acc[i][j];'}
          }
        }
      }
    }`;
  }
}

/**
 * Pass 1b (normalize only), one workgroup per map: the low-res map's min/max reduced in workgroup
 * memory, then (s - min) / (max - min + 1e-7). Reads and writes only the small [N, C, h*w] maps.
 * Uniforms: numMaps, hw, iters.
 */
export class CamFuseLowNormProgram implements WebGPUProgram {
  variableNames = ['sums'];
  outputShape: number[];
  shaderKey = `camkitCamFuseLowNorm_${CAM_WORKGROUP}`;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [CAM_WORKGROUP, 1, 1];
  uniforms = 'numMaps : i32, hw : i32, iters : i32,';
  size = true;

  constructor(n: number, c: number, hw: number) {
    this.outputShape = [n, c, hw];
    ({ dispatchLayout: this.dispatchLayout, dispatch: this.dispatch } = flatGroups(n * c, CAM_WORKGROUP));
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
      var lo = uniforms.INFINITY;
      var hi = -uniforms.INFINITY;
      for (var i = 0; i < uniforms.iters; i++) {
        let p = lid + i * ${wg};
        if (p < uniforms.hw) {
          let v = sums[m * uniforms.hw + p];
          lo = min(lo, v);
          hi = max(hi, v);
        }
      }
      ${reduceMinMax(wg)}
      let inv = 1.0 / (mx - mn + 1e-7);
      for (var i = 0; i < uniforms.iters; i++) {
        let p = lid + i * ${wg};
        let o = m * uniforms.hw + p;
        if (valid && p < uniforms.hw && o < uniforms.size) {
          result[o] = (sums[o] - mn) * inv;
        }
      }
    }`;
  }
}

const RESIZE_UNIFORMS =
  'numMaps : i32, h : i32, w : i32, outH : i32, outW : i32, numTiles : i32, colIters : i32, lowIters : i32, scaleY : f32, scaleX : f32, offset : f32,';

/**
 * What the two resize passes share: map/tile indices, the low-res map (staged in workgroup memory
 * and min-max normalised there when it fits, else read from storage), and `sample(y0, y1, fy, x)`,
 * the bilinear value at one output pixel. A thread owns whole output columns (x taps computed
 * once per column, y taps once per row), so the inner loop is 4 loads, 3 lerps and no integer
 * division, and neighbouring threads write neighbouring pixels.
 */
function resizePrologue(wg: number, shared: boolean, normalize: boolean, relu: boolean): string {
  const read = shared ? 'lowMap' : 'low';
  return `
    ${shared ? `var<workgroup> lowMap : array<f32, ${CAM_SHARED_MAP}>;` : ''}
    ${workgroupArrays(wg)}
    var<private> base : i32;
    fn sample(r0 : i32, r1 : i32, fy : f32, x : i32) -> f32 {
      let sx = (f32(x) + uniforms.offset) * uniforms.scaleX - uniforms.offset;
      let fx = floor(sx);
      let x0 = clamp(i32(fx), 0, uniforms.w - 1);
      let x1 = clamp(i32(fx) + 1, 0, uniforms.w - 1);
      let tx = select(sx - fx, 0.0, sx < 0.0);
      let a = ${read}[base + r0 + x0];
      let b = ${read}[base + r0 + x1];
      let c = ${read}[base + r1 + x0];
      let d = ${read}[base + r1 + x1];
      let top = a + (b - a) * tx;
      let bottom = c + (d - c) * tx;
      ${relu ? 'return max(top + (bottom - top) * fy, 0.0);' : 'return top + (bottom - top) * fy;'}
    }
    fn rowTaps(y : i32) -> vec3<f32> {
      let sy = (f32(y) + uniforms.offset) * uniforms.scaleY - uniforms.offset;
      let fy = floor(sy);
      let r0 = clamp(i32(fy), 0, uniforms.h - 1) * uniforms.w;
      let r1 = clamp(i32(fy) + 1, 0, uniforms.h - 1) * uniforms.w;
      return vec3<f32>(f32(r0), f32(r1), select(sy - fy, 0.0, sy < 0.0));
    }
    fn loadMap(lid : i32, m : i32) {
      ${
        shared
          ? `base = 0;
      let hw = uniforms.h * uniforms.w;
      var lo = uniforms.INFINITY;
      var hi = -uniforms.INFINITY;
      for (var i = 0; i < uniforms.lowIters; i++) {
        let p = lid + i * ${wg};
        if (p < hw) {
          let v = low[m * hw + p];
          lowMap[p] = v;
          lo = min(lo, v);
          hi = max(hi, v);
        }
      }
      ${
        normalize
          ? `${reduceMinMax(wg)}
      let inv = 1.0 / (mx - mn + 1e-7);
      for (var i = 0; i < uniforms.lowIters; i++) {
        let p = lid + i * ${wg};
        if (p < hw) {
          lowMap[p] = (lowMap[p] - mn) * inv;
        }
      }
      workgroupBarrier();`
          : 'workgroupBarrier();'
      }`
          : 'base = m * uniforms.h * uniforms.w;'
      }
    }`;
}

function resizeKey(shared: boolean, relu: boolean, normalize: boolean): string {
  return `${CAM_WORKGROUP}_${CAM_TILE_ROWS}_${CAM_SHARED_MAP}_${shared}_${relu}_${normalize}`;
}

/**
 * Pass 2 (normalize only), one workgroup per map: the min and max of the upsampled (and ReLU'd)
 * map, reduced in workgroup memory. Only the candidate samples where a bilinear map can reach
 * its extremes are evaluated (input `cands`: nY rows then nX columns, see extremeCandidates),
 * about 4 h w of them instead of H W, from the low-res map alone. Output [numMaps, 2]. It is a
 * separate dispatch because every pixel's normalisation needs the whole map's extremes.
 */
export class CamFuseExtremaProgram implements WebGPUProgram {
  variableNames = ['low', 'cands'];
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [CAM_WORKGROUP, 1, 1];
  uniforms = `${RESIZE_UNIFORMS} nY : i32, nX : i32,`;
  size = true;
  private readonly relu: boolean;
  private readonly shared: boolean;

  constructor(numMaps: number, relu: boolean, shared: boolean) {
    this.outputShape = [numMaps, 2];
    ({ dispatchLayout: this.dispatchLayout, dispatch: this.dispatch } = flatGroups(numMaps, CAM_WORKGROUP));
    this.relu = relu;
    this.shared = shared;
    this.shaderKey = `camkitCamFuseExtrema_${resizeKey(shared, relu, true)}`;
  }

  getUserCode(): string {
    const wg = CAM_WORKGROUP;
    return `
    ${resizePrologue(wg, this.shared, true, this.relu)}
    fn main(index : i32) {
      let lid = i32(localId.x);
      let group = index / ${wg};
      let m = min(group, uniforms.numMaps - 1);
      loadMap(lid, m);
      var lo = uniforms.INFINITY;
      var hi = -uniforms.INFINITY;
      let count = uniforms.nY * uniforms.nX;
      let iters = (count + ${wg - 1}) / ${wg};
      for (var i = 0; i < iters; i++) {
        let e = lid + i * ${wg};
        if (e < count) {
          let yi = e / uniforms.nX;
          let taps = rowTaps(i32(cands[yi]));
          let v = sample(i32(taps.x), i32(taps.y), taps.z, i32(cands[uniforms.nY + e - yi * uniforms.nX]));
          lo = min(lo, v);
          hi = max(hi, v);
        }
      }
      ${reduceMinMax(wg)}
      if (lid == 0 && group < uniforms.numMaps && m * 2 + 1 < uniforms.size) {
        result[m * 2] = mn;
        result[m * 2 + 1] = mx;
      }
    }`;
  }
}

/**
 * Pass 3, one workgroup per (map, band of CAM_TILE_ROWS output rows): writes each output pixel
 * once: upsample, ReLU, and (normalize) min-max with the map's extremes from pass 2.
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
  private readonly shared: boolean;

  constructor(
    outShape: [number, number, number, number],
    numTiles: number,
    relu: boolean,
    normalize: boolean,
    shared: boolean,
  ) {
    this.outputShape = outShape;
    this.variableNames = normalize ? ['low', 'extrema'] : ['low'];
    ({ dispatchLayout: this.dispatchLayout, dispatch: this.dispatch } = flatGroups(
      outShape[0] * outShape[1] * numTiles,
      CAM_WORKGROUP,
    ));
    this.relu = relu;
    this.normalize = normalize;
    this.shared = shared;
    this.shaderKey = `camkitCamFuseWrite_${resizeKey(shared, relu, normalize)}`;
  }

  getUserCode(): string {
    const wg = CAM_WORKGROUP;
    const norm = this.normalize;
    return `
    ${resizePrologue(wg, this.shared, norm, this.relu)}
    fn main(index : i32) {
      let lid = i32(localId.x);
      let group = index / ${wg};
      let total = uniforms.numMaps * uniforms.numTiles;
      let t = min(group, total - 1);
      let m = t / uniforms.numTiles;
      let y0 = (t - m * uniforms.numTiles) * ${CAM_TILE_ROWS};
      loadMap(lid, m);
      ${
        norm
          ? `let mn = extrema[m * 2];
      let inv = 1.0 / (extrema[m * 2 + 1] - mn + 1e-7);`
          : ''
      }
      let outBase = m * uniforms.outH * uniforms.outW;
      for (var i = 0; i < uniforms.colIters; i++) {
        let x = lid + i * ${wg};
        if (x < uniforms.outW && group < total) {
          for (var r = 0; r < ${CAM_TILE_ROWS}; r++) {
            let y = y0 + r;
            let o = outBase + y * uniforms.outW + x;
            if (y < uniforms.outH && o < uniforms.size) {
              let taps = rowTaps(y);
              let v = sample(i32(taps.x), i32(taps.y), taps.z, x);
              result[o] = ${norm ? '(v - mn) * inv' : 'v'};
            }
          }
        }
      }
    }`;
  }
}
