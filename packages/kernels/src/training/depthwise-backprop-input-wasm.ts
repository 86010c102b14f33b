import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { DepthwiseConv2dNativeBackpropInput } from '@tensorflow/tfjs-core';
import { type ConvBackpropAttrs, convGeometry } from './conv-geometry.js';
import { depthwiseGradWasm } from './simd/depthwise-grad-simd.js';
import type { WasmBackendLike } from './wasm-kernel-calls.js';

/**
 * `DepthwiseConv2dNativeBackpropInput` on wasm (tfjs-backend-wasm 4.22 has none, so Grad-CAM on a
 * MobileNet failed at any block before the last): generated SIMD over the heap, any stride,
 * dilation, padding and channel multiplier (see `simd/depthwise-grad-simd.ts`).
 */
export function depthwiseConv2dNativeBackpropInputWasm(args: {
  inputs: { dy: TensorInfo; filter: TensorInfo };
  backend: WasmBackendLike;
  attrs: ConvBackpropAttrs & { inputShape: [number, number, number, number] };
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const g = convGeometry(
    DepthwiseConv2dNativeBackpropInput,
    attrs.inputShape,
    inputs.filter.shape,
    inputs.dy.shape,
    attrs,
    true,
  );
  return depthwiseGradWasm(backend, 'inputGrad', inputs.dy, inputs.filter, g).out;
}

/** `DepthwiseConv2dNativeBackpropInput` for the wasm backend. */
export const depthwiseConv2dNativeBackpropInputWasmConfig: KernelConfig = {
  kernelName: DepthwiseConv2dNativeBackpropInput,
  backendName: 'wasm',
  kernelFunc: depthwiseConv2dNativeBackpropInputWasm as unknown as KernelFunc,
};
