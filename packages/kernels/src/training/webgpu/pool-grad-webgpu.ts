import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import { AvgPoolGrad, MaxPoolGrad } from '@tensorflow/tfjs-core';
import { type PoolGradAttrs, poolGradInfo } from '../pool-grad-impl.js';
import { AvgPoolGradProgram, MaxPoolGradProgram, MaxPoolPositionsProgram } from './pool-grad-programs.js';
import { kernelConfig } from '../../kernel-config.js';

type PoolGradArgs = {
  inputs: { dy: TensorInfo; input: TensorInfo };
  backend: WebGPUBackend;
  attrs: PoolGradAttrs;
};

/** The i32 uniforms of `POOL_UNIFORMS` for this call. */
function poolUniforms(input: TensorInfo, attrs: PoolGradAttrs) {
  const info = poolGradInfo(input.shape, attrs);
  const [, h, w, c] = input.shape as [number, number, number, number];
  const data = [
    h,
    w,
    c,
    info.outHeight,
    info.outWidth,
    info.filterHeight,
    info.filterWidth,
    info.strideHeight,
    info.strideWidth,
    info.padInfo.top,
    info.padInfo.left,
  ];
  return { info, uniforms: data.map((v) => ({ type: 'int32', data: [v] })) };
}

/** `MaxPoolGrad` on webgpu: first-maximum positions, then a gather of dy per input element. */
export function maxPoolGradWebGPU({ inputs, backend, attrs }: PoolGradArgs): TensorInfo {
  const { dy, input } = inputs;
  const { uniforms } = poolUniforms(input, attrs);
  const positions = backend.runWebGPUProgram(
    new MaxPoolPositionsProgram(dy.shape.slice()),
    [input],
    'int32',
    uniforms,
  );
  const out = backend.runWebGPUProgram(
    new MaxPoolGradProgram(input.shape.slice()),
    [dy, positions],
    'float32',
    uniforms,
  );
  backend.disposeData(positions.dataId);
  return out;
}

/** `AvgPoolGrad` on webgpu, padding not counted (tfjs-webgpu's divides by the full window). */
export function avgPoolGradWebGPU({ inputs, backend, attrs }: PoolGradArgs): TensorInfo {
  const { dy, input } = inputs;
  const { uniforms } = poolUniforms(input, attrs);
  return backend.runWebGPUProgram(new AvgPoolGradProgram(input.shape.slice()), [dy], 'float32', uniforms);
}

/** `MaxPoolGrad` for webgpu. */
export const maxPoolGradWebGPUConfig = kernelConfig(MaxPoolGrad, 'webgpu', maxPoolGradWebGPU);

/** `AvgPoolGrad` for webgpu. */
export const avgPoolGradWebGPUConfig = kernelConfig(AvgPoolGrad, 'webgpu', avgPoolGradWebGPU);

/** The webgpu kernels camkit puts in place of tfjs-webgpu's (registered by registerCamkitKernels). */
export const WEBGPU_TRAINING_KERNELS: readonly KernelConfig[] = [
  maxPoolGradWebGPUConfig,
  avgPoolGradWebGPUConfig,
];
