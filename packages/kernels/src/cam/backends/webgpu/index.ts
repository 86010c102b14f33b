import { CamkitError } from '@camkit/core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import { extremeCandidates, resizePlan } from '../../resize-plan.js';
import { camFuseDims } from '../../validate.js';
import {
  type CamFuseArgs,
  type GradcamPlusPlusWeightsArgs,
  type GradcamWeightsArgs,
  camKernelConfigs,
} from '../kernel-config.js';
import {
  CAM_SHARED_MAP,
  CAM_TILE_ROWS,
  CAM_WORKGROUP,
  CamFuseExtremaProgram,
  CamFuseLowNormProgram,
  CamFuseSumProgram,
  CamFuseWriteProgram,
  SUM_TILE_C,
  SUM_TILE_K,
  SUM_TILE_P,
} from './cam-fuse-programs.js';
import { GradcamPlusPlusWeightsProgram, GradcamWeightsProgram } from './gradcam-weights-programs.js';

type Uniform = { type: 'int32' | 'float32'; data: number[] };
const i32 = (...data: number[]): Uniform => ({ type: 'int32', data });
const f32 = (...data: number[]): Uniform => ({ type: 'float32', data });

/**
 * CamFuse as two (linear) or three (normalize) dispatches: (1) the low-res weighted sum + ReLU as
 * a tiled matrix product, one read of the features per 64 classes; (2) each map's extremes after
 * upsampling, from the ~4hw samples where they can lie; (3) the upsampled, normalised output,
 * each element written once. The first
 * min-max runs inside (2) and (3) on the map staged in workgroup memory (a fourth, small pass
 * when h*w exceeds CAM_SHARED_MAP). Each split is a whole-map dependency (a map's min/max must be known
 * before any of its pixels is normalised); only the [N, C, h*w] maps and the tile extremes travel
 * between passes, never anything full-size.
 */
function camFuseWebGPU(args: CamFuseArgs<WebGPUBackend>): TensorInfo {
  const { backend, attrs } = args;
  const { features, weights } = args.inputs;
  const d = camFuseDims(features.shape, weights.shape, attrs);
  const hw = d.h * d.w;
  const numMaps = d.n * d.c;
  const outHW = d.outH * d.outW;
  const outBytes = numMaps * outHW * 4;
  const limit = backend.device.limits.maxStorageBufferBindingSize;
  if (outBytes > limit) {
    throw new CamkitError(
      `camFuse: output of ${outBytes} bytes exceeds this GPU's ${limit}-byte storage binding; split the batch or the classes`,
    );
  }
  const tilesP = Math.ceil(hw / SUM_TILE_P);
  const tilesC = Math.ceil(d.c / SUM_TILE_C);
  const sums = backend.runWebGPUProgram(
    new CamFuseSumProgram(d.n, d.c, hw, attrs.relu),
    [features, weights],
    'float32',
    [
      i32(d.k),
      i32(d.c),
      i32(hw),
      i32(tilesP),
      i32(tilesC),
      i32(d.n * tilesP * tilesC),
      i32(d.weightsBatched ? d.k * d.c : 0),
      i32(Math.ceil(d.k / SUM_TILE_K)),
    ],
  );
  const toDispose: TensorInfo[] = [sums];
  let low = sums;
  // Small maps are staged (and min-max normalised) in each resize workgroup's memory; only larger
  // ones need the extra normalising pass over storage.
  const shared = hw <= CAM_SHARED_MAP;
  if (attrs.normalize && !shared) {
    low = backend.runWebGPUProgram(new CamFuseLowNormProgram(d.n, d.c, hw), [sums], 'float32', [
      i32(numMaps),
      i32(hw),
      i32(Math.ceil(hw / CAM_WORKGROUP)),
    ]);
    toDispose.push(low);
  }
  const numTiles = Math.ceil(d.outH / CAM_TILE_ROWS);
  const offset = attrs.halfPixel ? 0.5 : 0;
  const resizeUniforms = [
    i32(numMaps),
    i32(d.h),
    i32(d.w),
    i32(d.outH),
    i32(d.outW),
    i32(numTiles),
    i32(Math.ceil(d.outW / CAM_WORKGROUP)),
    i32(Math.ceil(hw / CAM_WORKGROUP)),
    f32(d.h / d.outH),
    f32(d.w / d.outW),
    f32(offset),
  ];
  const writeInputs: TensorInfo[] = [low];
  if (attrs.normalize) {
    const candY = extremeCandidates(resizePlan(d.h, d.outH, attrs.halfPixel));
    const candX = extremeCandidates(resizePlan(d.w, d.outW, attrs.halfPixel));
    const cands = backend.makeTensorInfo(
      [candY.length + candX.length],
      'int32',
      Int32Array.from([...candY, ...candX]),
    );
    const extrema = backend.runWebGPUProgram(
      new CamFuseExtremaProgram(numMaps, attrs.relu, shared),
      [low, cands],
      'float32',
      [...resizeUniforms, i32(candY.length), i32(candX.length)],
    );
    toDispose.push(cands, extrema);
    writeInputs.push(extrema);
  }
  const writeProgram = new CamFuseWriteProgram(
    [d.n, d.c, d.outH, d.outW],
    numTiles,
    attrs.relu,
    attrs.normalize,
    shared,
  );
  const out = backend.runWebGPUProgram(writeProgram, writeInputs, 'float32', resizeUniforms);
  for (const t of toDispose) backend.disposeData(t.dataId);
  return out;
}

function gradcamWeightsWebGPU(args: GradcamWeightsArgs<WebGPUBackend>): TensorInfo {
  const { grads } = args.inputs;
  const [n, h, w, k] = grads.shape as [number, number, number, number];
  return args.backend.runWebGPUProgram(new GradcamWeightsProgram(n, k), [grads], 'float32', [
    i32(h * w),
    i32(k),
  ]);
}

function gradcamPlusPlusWeightsWebGPU(args: GradcamPlusPlusWeightsArgs<WebGPUBackend>): TensorInfo {
  const { grads, activations } = args.inputs;
  const [n, h, w, k] = grads.shape as [number, number, number, number];
  return args.backend.runWebGPUProgram(
    new GradcamPlusPlusWeightsProgram(n, k),
    [grads, activations],
    'float32',
    [i32(h * w), i32(k)],
  );
}

/** CamFuse (hand-written WGSL, see {@link camFuseWebGPU}), GradcamWeights and GradcamPlusPlusWeights on 'webgpu'. */
export const [camFuseWebGPUConfig, gradcamWeightsWebGPUConfig, gradcamPlusPlusWeightsWebGPUConfig] =
  camKernelConfigs('webgpu', camFuseWebGPU, gradcamWeightsWebGPU, gradcamPlusPlusWeightsWebGPU);

/** Every webgpu config, for registration. */
export const webgpuKernelConfigs: KernelConfig[] = [
  camFuseWebGPUConfig,
  gradcamWeightsWebGPUConfig,
  gradcamPlusPlusWeightsWebGPUConfig,
];
