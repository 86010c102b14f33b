import type { KernelConfig, NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs-core';
import {
  DepthwiseConv2dNativeBackpropFilter,
  DepthwiseConv2dNativeBackpropInput,
} from '@tensorflow/tfjs-core';
import { type ConvBackpropAttrs, convGeometry } from './conv-geometry.js';
import { type DepthwiseGradKind, depthwiseGradWasm } from './simd/depthwise-grad-simd.js';
import type { WasmBackendLike } from './wasm-kernel-calls.js';
import { kernelConfig } from '../kernel-config.js';

type Shape4 = [number, number, number, number];

/**
 * One depthwise-convolution gradient on wasm: generated SIMD over the heap, any stride, dilation,
 * padding and channel multiplier (see `simd/depthwise-grad-simd.ts`). The filter gradient takes
 * (x, dy) and `attrs.filterShape`, the input gradient (dy, filter) and `attrs.inputShape`.
 */
function depthwiseBackpropWasmConfig(kind: DepthwiseGradKind): KernelConfig {
  const kernelName =
    kind === 'filterGrad' ? DepthwiseConv2dNativeBackpropFilter : DepthwiseConv2dNativeBackpropInput;
  const kernelFunc = (args: {
    inputs: NamedTensorInfoMap;
    backend: WasmBackendLike;
    attrs: ConvBackpropAttrs & { filterShape: Shape4; inputShape: Shape4 };
  }): TensorInfo => {
    const { inputs, backend, attrs } = args;
    const { x, dy, filter } = inputs as Record<'x' | 'dy' | 'filter', TensorInfo>;
    const [a, b, xShape, filterShape] =
      kind === 'filterGrad'
        ? [x, dy, x.shape, attrs.filterShape]
        : [dy, filter, attrs.inputShape, filter.shape];
    const g = convGeometry(kernelName, xShape, filterShape, dy.shape, attrs, true);
    return depthwiseGradWasm(backend, kind, a, b, g).out;
  };
  return kernelConfig(kernelName, 'wasm', kernelFunc);
}

/**
 * `DepthwiseConv2dNativeBackpropFilter` for the wasm backend (tfjs-backend-wasm 4.22 has none, so
 * MobileNets could not be trained or explained below their last block).
 */
export const depthwiseConv2dNativeBackpropFilterWasmConfig = depthwiseBackpropWasmConfig('filterGrad');

/**
 * `DepthwiseConv2dNativeBackpropInput` for the wasm backend (tfjs-backend-wasm 4.22 has none, so
 * Grad-CAM on a MobileNet failed at any block before the last).
 */
export const depthwiseConv2dNativeBackpropInputWasmConfig = depthwiseBackpropWasmConfig('inputGrad');
