import { CamkitError } from '@camkit/core';
import type { GradConfig, KernelConfig, NamedAttrMap, Tensor, Tensor4D } from '@tensorflow/tfjs-core';
import { engine, getBackend, getKernel } from '@tensorflow/tfjs-core';
import { dilated } from './dilated.js';

/** What differs between the convolutions whose gradients {@link dilatedConvGradConfig} builds. */
export interface DilatedConvGradSpec {
  /** The forward kernel, e.g. `Conv2D`. */
  kernelName: string;
  /** The op as tfjs's error names it, e.g. `conv2D`. */
  opName: string;
  /** camkit's wasm configs of the input- and filter-gradient kernels (they run by their names). */
  backpropInput: KernelConfig;
  backpropFilter: KernelConfig;
  /**
   * The attributes tfjs's own gradient gives both backprop kernels (besides inputShape /
   * filterShape); `dilations` only reaches the kernels through here.
   */
  backpropAttrs(attrs: NamedAttrMap): NamedAttrMap;
  /**
   * Both gradients of a dilated conv from tfjs ops that every backend runs (cpu, webgpu, webgl):
   * used where camkit's wasm kernels are not. Without it a dilated gradient there is refused.
   */
  portable?: (
    x: Tensor4D,
    filter: Tensor4D,
    dy: Tensor4D,
    attrs: NamedAttrMap,
  ) => { dx: () => Tensor; dw: () => Tensor };
}

/**
 * The gradient of a convolution as tfjs defines it (same kernels, same attributes, so other backends
 * see no change at dilation 1), plus dilation > 1 on the wasm backend with camkit's backprop
 * kernels: tfjs refuses dilated conv gradients on every backend. Elsewhere the spec's `portable` ops
 * compute them, or (without one) a dilated conv fails with one line saying where it runs.
 */
export function dilatedConvGradConfig(spec: DilatedConvGradSpec): GradConfig {
  const { backpropInput, backpropFilter } = spec;
  // Dilation reaches only kernels that implement it: camkit's wasm ones, on the backend in use.
  const camkitKernelsActive = () =>
    getBackend() === 'wasm' &&
    getKernel(backpropInput.kernelName, 'wasm') === backpropInput &&
    getKernel(backpropFilter.kernelName, 'wasm') === backpropFilter;
  return {
    kernelName: spec.kernelName,
    inputsToSave: ['x', 'filter'],
    gradFunc: (dy: Tensor | Tensor[], saved: Tensor[], attrs: NamedAttrMap) => {
      const [x, filter] = saved as [Tensor4D, Tensor4D];
      if (dilated(attrs.dilations) && !camkitKernelsActive()) {
        const { portable } = spec;
        if (portable) {
          const { dx, dw } = portable(x, filter, dy as Tensor4D, attrs);
          return { x: dx, filter: dw };
        }
        throw new CamkitError(
          `Error in gradient of ${spec.opName}: dilation rates greater than 1 are not yet supported in ` +
            `gradients (camkit supports them on the wasm backend only). Got dilations '${attrs.dilations}'`,
        );
      }
      const common = spec.backpropAttrs(attrs);
      return {
        x: () =>
          engine().runKernel(
            backpropInput.kernelName,
            { dy: dy as Tensor, filter },
            { ...common, inputShape: x.shape },
          ),
        filter: () =>
          engine().runKernel(
            backpropFilter.kernelName,
            { x, dy: dy as Tensor },
            { ...common, filterShape: filter.shape },
          ),
      } as { x: () => Tensor; filter: () => Tensor };
    },
  };
}
