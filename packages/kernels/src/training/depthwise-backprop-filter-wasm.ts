import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { DepthwiseConv2dNativeBackpropFilter } from '@tensorflow/tfjs-core';
import { type ConvBackpropAttrs, convGeometry } from './conv-geometry.js';
import { depthwiseGradWasm } from './simd/depthwise-grad-simd.js';
import type { WasmBackendLike } from './wasm-kernel-calls.js';

/**
 * `DepthwiseConv2dNativeBackpropFilter` on wasm (tfjs-backend-wasm 4.22 has none, so MobileNets
 * could not be trained or explained below their last block): generated SIMD over the heap, any
 * stride, dilation, padding and channel multiplier (see `simd/depthwise-grad-simd.ts`).
 */
export function depthwiseConv2dNativeBackpropFilterWasm(args: {
  inputs: { x: TensorInfo; dy: TensorInfo };
  backend: WasmBackendLike;
  attrs: ConvBackpropAttrs & { filterShape: [number, number, number, number] };
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const g = convGeometry(
    DepthwiseConv2dNativeBackpropFilter,
    inputs.x.shape,
    attrs.filterShape,
    inputs.dy.shape,
    attrs,
    true,
  );
  return depthwiseGradWasm(backend, 'filterGrad', inputs.x, inputs.dy, g).out;
}

/** `DepthwiseConv2dNativeBackpropFilter` for the wasm backend. */
export const depthwiseConv2dNativeBackpropFilterWasmConfig: KernelConfig = {
  kernelName: DepthwiseConv2dNativeBackpropFilter,
  backendName: 'wasm',
  kernelFunc: depthwiseConv2dNativeBackpropFilterWasm as unknown as KernelFunc,
};
