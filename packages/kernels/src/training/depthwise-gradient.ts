import { DepthwiseConv2dNative, type NamedAttrMap } from '@tensorflow/tfjs-core';
import {
  depthwiseConv2dNativeBackpropFilterWasmConfig,
  depthwiseConv2dNativeBackpropInputWasmConfig,
} from './depthwise-backprop-wasm.js';
import { dilatedConvGradConfig } from './dilated-conv-grad-config.js';

/**
 * The gradient of `DepthwiseConv2dNative`, as tfjs defines it, plus dilation > 1 on the wasm
 * backend with camkit's kernels (see {@link dilatedConvGradConfig}; tfjs-backend-cpu's backprop
 * kernels ignore `dilations`, so a dilated gradient there would be silently wrong: it is refused).
 */
export const depthwiseConv2dNativeWithDilationGradConfig = dilatedConvGradConfig({
  kernelName: DepthwiseConv2dNative,
  opName: 'depthwiseConv2dNative',
  backpropInput: depthwiseConv2dNativeBackpropInputWasmConfig,
  backpropFilter: depthwiseConv2dNativeBackpropFilterWasmConfig,
  backpropAttrs: ({ dilations, strides, pad, dimRoundingMode }): NamedAttrMap => ({
    strides,
    pad,
    dimRoundingMode,
    dilations: dilations ?? [1, 1],
  }),
});
