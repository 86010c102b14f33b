import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { camFuseImpl } from '../cam-fuse-impl.js';
import { gradcamPlusPlusWeightsImpl, gradcamWeightsImpl } from '../gradcam-weights-impl.js';
import {
  CamFuse,
  type CamFuseKernelAttrs,
  type CamFuseKernelInputs,
  GradcamPlusPlusWeights,
  type GradcamPlusPlusWeightsInputs,
  GradcamWeights,
  type GradcamWeightsInputs,
} from '../kernel-names.js';
import { camFuseDims } from '../validate.js';
import type { CpuBackendLike } from './backend-types.js';

function camFuseCpu(args: {
  inputs: CamFuseKernelInputs;
  backend: CpuBackendLike;
  attrs: CamFuseKernelAttrs;
}): TensorInfo {
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

function gradcamWeightsCpu(args: { inputs: GradcamWeightsInputs; backend: CpuBackendLike }): TensorInfo {
  const { grads } = args.inputs;
  const [n, h, w, k] = grads.shape as [number, number, number, number];
  const out = gradcamWeightsImpl(args.backend.readSync(grads.dataId) as Float32Array, n, h * w, k);
  return args.backend.makeTensorInfo([n, k], 'float32', out);
}

function gradcamPlusPlusWeightsCpu(args: {
  inputs: GradcamPlusPlusWeightsInputs;
  backend: CpuBackendLike;
}): TensorInfo {
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

/** CamFuse on 'cpu': the typed-array reference implementation. */
export const camFuseCpuConfig: KernelConfig = {
  kernelName: CamFuse,
  backendName: 'cpu',
  kernelFunc: camFuseCpu as unknown as KernelFunc,
};

/** GradcamWeights on 'cpu'. */
export const gradcamWeightsCpuConfig: KernelConfig = {
  kernelName: GradcamWeights,
  backendName: 'cpu',
  kernelFunc: gradcamWeightsCpu as unknown as KernelFunc,
};

/** GradcamPlusPlusWeights on 'cpu'. */
export const gradcamPlusPlusWeightsCpuConfig: KernelConfig = {
  kernelName: GradcamPlusPlusWeights,
  backendName: 'cpu',
  kernelFunc: gradcamPlusPlusWeightsCpu as unknown as KernelFunc,
};
