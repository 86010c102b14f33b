import type { TensorInfo } from '@tensorflow/tfjs-core';
import { camFuseImpl } from '../cam-fuse-impl.js';
import { gradcamPlusPlusWeightsImpl, gradcamWeightsImpl } from '../gradcam-weights-impl.js';
import { camFuseDims } from '../validate.js';
import type { CpuBackendLike } from './backend-types.js';
import {
  type CamFuseArgs,
  type GradcamPlusPlusWeightsArgs,
  type GradcamWeightsArgs,
  camKernelConfigs,
} from './kernel-config.js';

function camFuseCpu(args: CamFuseArgs<CpuBackendLike>): TensorInfo {
  const { features, weights } = args.inputs;
  const d = camFuseDims(features.shape, weights.shape, args.attrs);
  const out = camFuseImpl(
    args.backend.readSync(features.dataId) as Float32Array,
    features.shape,
    args.backend.readSync(weights.dataId) as Float32Array,
    weights.shape,
    args.attrs,
  );
  return args.backend.makeTensorInfo([d.n, d.c, d.outH, d.outW], 'float32', out);
}

function gradcamWeightsCpu(args: GradcamWeightsArgs<CpuBackendLike>): TensorInfo {
  const { grads } = args.inputs;
  const [n, h, w, k] = grads.shape as [number, number, number, number];
  const out = gradcamWeightsImpl(args.backend.readSync(grads.dataId) as Float32Array, n, h * w, k);
  return args.backend.makeTensorInfo([n, k], 'float32', out);
}

function gradcamPlusPlusWeightsCpu(args: GradcamPlusPlusWeightsArgs<CpuBackendLike>): TensorInfo {
  const { grads, activations } = args.inputs;
  const [n, h, w, k] = grads.shape as [number, number, number, number];
  const out = gradcamPlusPlusWeightsImpl(
    args.backend.readSync(grads.dataId) as Float32Array,
    args.backend.readSync(activations.dataId) as Float32Array,
    n,
    h * w,
    k,
  );
  return args.backend.makeTensorInfo([n, k], 'float32', out);
}

/** CamFuse, GradcamWeights and GradcamPlusPlusWeights on 'cpu': the typed-array reference implementations. */
export const [camFuseCpuConfig, gradcamWeightsCpuConfig, gradcamPlusPlusWeightsCpuConfig] = camKernelConfigs(
  'cpu',
  camFuseCpu,
  gradcamWeightsCpu,
  gradcamPlusPlusWeightsCpu,
);
