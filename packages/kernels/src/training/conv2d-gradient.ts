import { Conv2D, type NamedAttrMap } from '@tensorflow/tfjs-core';
import { conv2DBackpropFilterWasmConfig } from './conv2d-backprop-filter-wasm.js';
import { conv2DBackpropInputWasmConfig } from './conv2d-backprop-input-wasm.js';
import { dilatedConvGradConfig } from './dilated-conv-grad-config.js';
import { dilated } from './dilated.js';

/**
 * The gradient of `Conv2D`, as tfjs defines it, plus dilation > 1 on the wasm backend with
 * camkit's kernels (see {@link dilatedConvGradConfig}).
 */
export const conv2DWithDilationGradConfig = dilatedConvGradConfig({
  kernelName: Conv2D,
  opName: 'conv2D',
  backpropInput: conv2DBackpropInputWasmConfig,
  backpropFilter: conv2DBackpropFilterWasmConfig,
  // tfjs's gradient passes no `dilations`: it is added only when it is not 1.
  backpropAttrs: ({ dilations, strides, pad, dataFormat, dimRoundingMode }): NamedAttrMap => ({
    strides,
    pad,
    dataFormat,
    dimRoundingMode,
    ...(dilated(dilations) ? { dilations } : {}),
  }),
});
