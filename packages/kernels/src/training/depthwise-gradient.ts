import { CamkitError } from '@camkit/core';
import type { GradConfig, NamedAttrMap, Tensor, Tensor4D } from '@tensorflow/tfjs-core';
import {
  DepthwiseConv2dNative,
  DepthwiseConv2dNativeBackpropFilter,
  DepthwiseConv2dNativeBackpropInput,
  engine,
  getBackend,
  getKernel,
} from '@tensorflow/tfjs-core';
import { depthwiseConv2dNativeBackpropFilterWasmConfig } from './depthwise-backprop-filter-wasm.js';
import { depthwiseConv2dNativeBackpropInputWasmConfig } from './depthwise-backprop-input-wasm.js';
import { dilated } from './dilated.js';

/** Dilation reaches only kernels that implement it: camkit's wasm ones, the backend in use. */
function camkitKernelsActive(): boolean {
  return (
    getBackend() === 'wasm' &&
    getKernel(DepthwiseConv2dNativeBackpropFilter, 'wasm') ===
      depthwiseConv2dNativeBackpropFilterWasmConfig &&
    getKernel(DepthwiseConv2dNativeBackpropInput, 'wasm') === depthwiseConv2dNativeBackpropInputWasmConfig
  );
}

/**
 * The gradient of `DepthwiseConv2dNative`, as tfjs defines it (same kernels, same attributes), plus
 * dilation > 1 on the wasm backend with camkit's kernels: tfjs refuses dilated depthwise gradients
 * on every backend, and tfjs-backend-cpu's backprop kernels ignore `dilations`, so elsewhere a
 * dilated depthwise conv still fails, with one line saying where it runs.
 */
export const depthwiseConv2dNativeWithDilationGradConfig: GradConfig = {
  kernelName: DepthwiseConv2dNative,
  inputsToSave: ['x', 'filter'],
  gradFunc: (dy: Tensor | Tensor[], saved: Tensor[], attrs: NamedAttrMap) => {
    const [x, filter] = saved as [Tensor4D, Tensor4D];
    const { dilations, strides, pad, dimRoundingMode } = attrs;
    if (dilated(dilations) && !camkitKernelsActive()) {
      throw new CamkitError(
        'Error in gradient of depthwiseConv2dNative: dilation rates greater than 1 are not yet supported ' +
          `in gradients (camkit supports them on the wasm backend only). Got dilations '${dilations}'`,
      );
    }
    const common: NamedAttrMap = { strides, pad, dimRoundingMode, dilations: dilations ?? [1, 1] };
    return {
      x: () =>
        engine().runKernel(
          DepthwiseConv2dNativeBackpropInput,
          { dy: dy as Tensor, filter },
          { ...common, inputShape: x.shape },
        ),
      filter: () =>
        engine().runKernel(
          DepthwiseConv2dNativeBackpropFilter,
          { x, dy: dy as Tensor },
          { ...common, filterShape: filter.shape },
        ),
    } as { x: () => Tensor; filter: () => Tensor };
  },
};
