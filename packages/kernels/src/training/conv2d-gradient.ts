import { CamkitError } from '@camkit/core';
import type { GradConfig, NamedAttrMap, Tensor, Tensor4D } from '@tensorflow/tfjs-core';
import {
  Conv2D,
  Conv2DBackpropFilter,
  Conv2DBackpropInput,
  engine,
  getBackend,
  getKernel,
} from '@tensorflow/tfjs-core';
import { conv2DBackpropFilterWasmConfig } from './conv2d-backprop-filter-wasm.js';
import { conv2DBackpropInputWasmConfig } from './conv2d-backprop-input-wasm.js';
import { dilated } from './dilated.js';

/** Dilation reaches only kernels that implement it: camkit's wasm ones, the backend in use. */
function camkitKernelsActive(): boolean {
  return (
    getBackend() === 'wasm' &&
    getKernel(Conv2DBackpropFilter, 'wasm') === conv2DBackpropFilterWasmConfig &&
    getKernel(Conv2DBackpropInput, 'wasm') === conv2DBackpropInputWasmConfig
  );
}

/**
 * The gradient of `Conv2D`, as tfjs defines it, plus dilation > 1 on the wasm backend with
 * camkit's kernels (tfjs refuses dilated conv gradients on every backend). Same kernels, same
 * attributes as tfjs's own gradient when the dilation is 1, so other backends see no change; a
 * dilated conv on any other backend still fails with tfjs's message.
 */
export const conv2DWithDilationGradConfig: GradConfig = {
  kernelName: Conv2D,
  inputsToSave: ['x', 'filter'],
  gradFunc: (dy: Tensor | Tensor[], saved: Tensor[], attrs: NamedAttrMap) => {
    const [x, filter] = saved as [Tensor4D, Tensor4D];
    const { dilations, strides, pad, dataFormat, dimRoundingMode } = attrs;
    const common: NamedAttrMap = { strides, pad, dataFormat, dimRoundingMode };
    if (dilated(dilations)) {
      if (!camkitKernelsActive()) {
        throw new CamkitError(
          'Error in gradient of conv2D: dilation rates greater than 1 are not yet supported in gradients ' +
            `(camkit supports them on the wasm backend only). Got dilations '${dilations}'`,
        );
      }
      common.dilations = dilations;
    }
    return {
      x: () =>
        engine().runKernel(
          Conv2DBackpropInput,
          { dy: dy as Tensor, filter },
          { ...common, inputShape: x.shape },
        ),
      filter: () =>
        engine().runKernel(
          Conv2DBackpropFilter,
          { x, dy: dy as Tensor },
          { ...common, filterShape: filter.shape },
        ),
    } as { x: () => Tensor; filter: () => Tensor };
  },
};
