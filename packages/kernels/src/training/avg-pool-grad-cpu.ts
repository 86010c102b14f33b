import type { KernelBackend, TensorInfo } from '@tensorflow/tfjs-core';
import { AvgPoolGrad } from '@tensorflow/tfjs-core';
import { avgPoolGradImpl, type PoolGradAttrs, poolGradInfo } from './pool-grad-impl.js';
import { kernelConfig } from '../kernel-config.js';

/** The parts of tfjs-backend-cpu's `MathBackendCPU` used here (typed structurally). */
interface CpuBackendLike extends KernelBackend {
  data: { get(dataId: object): { values: unknown } };
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): TensorInfo;
}

/** `AvgPoolGrad` for cpu: {@link avgPoolGradImpl} (stock cpu miscounts padded windows). */
export function avgPoolGradCpu(args: {
  inputs: { dy: TensorInfo; input: TensorInfo };
  backend: CpuBackendLike;
  attrs: PoolGradAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { dy, input } = inputs;
  const dx = new Float32Array(input.shape.reduce((a, b) => a * b, 1));
  const values = backend.data.get(dy.dataId).values;
  const dyValues = values instanceof Float32Array ? values : Float32Array.from(values as ArrayLike<number>);
  avgPoolGradImpl(
    dyValues,
    dx,
    input.shape as [number, number, number, number],
    poolGradInfo(input.shape, attrs),
  );
  return backend.makeTensorInfo(input.shape.slice(), 'float32', dx);
}

/** `AvgPoolGrad` for cpu, padding excluded from each window's count as in the forward pool. */
export const avgPoolGradCpuConfig = kernelConfig(AvgPoolGrad, 'cpu', avgPoolGradCpu);
