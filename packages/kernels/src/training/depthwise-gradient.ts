import {
  DepthwiseConv2dNative,
  depthwiseConv2d,
  expandDims,
  mul,
  type NamedAttrMap,
  pad,
  reshape,
  reverse,
  slice,
  stack,
  sum,
  type Tensor,
  type Tensor4D,
} from '@tensorflow/tfjs-core';
import {
  depthwiseConv2dNativeBackpropFilterWasmConfig,
  depthwiseConv2dNativeBackpropInputWasmConfig,
} from './depthwise-backprop-wasm.js';
import { dilatedConvGradConfig } from './dilated-conv-grad-config.js';
import { dilatedGradGeometry } from './dilated.js';

/**
 * Both gradients of a dilated, stride-1 depthwise conv (filter `[kH, kW, C, m]`, m the channel
 * multiplier; output channel c·m + j) from ops every backend runs:
 *   dx = a depthwise conv of dy (C·m channels, multiplier 1) with the spatially flipped filter at
 *        the same dilation, padded by (k − 1)·d − pad, then the m outputs of each input channel
 *        summed;
 *   dW[ky, kx, c, j] = Σ x[n, y + ky·d − pT, x + kx·d − pL, c] · dy[n, y, x, c·m + j]: per tap, a
 *        shifted slice of the padded x times dy, summed over batch and space.
 */
function portableDepthwiseGrads(x: Tensor4D, filter: Tensor4D, dy: Tensor4D, attrs: NamedAttrMap) {
  const { top, bottom, left, right, dH, dW, reachH, reachW } = dilatedGradGeometry(
    x,
    filter,
    attrs,
    'depthwiseConv2dNative',
    true,
  );
  const [kH, kW, c, m] = filter.shape;
  const [n, outH, outW] = dy.shape;
  const dx = (): Tensor => {
    const flipped = reshape(reverse(filter, [0, 1]), [kH, kW, c * m, 1]) as Tensor4D;
    const spread = depthwiseConv2d(
      dy,
      flipped,
      1,
      [
        [0, 0],
        [reachH - top, reachH - bottom],
        [reachW - left, reachW - right],
        [0, 0],
      ],
      'NHWC',
      [dH, dW],
    );
    return m === 1 ? spread : sum(reshape(spread, [n, x.shape[1], x.shape[2], c, m]), 4);
  };
  const dw = (): Tensor => {
    // Pad the bottom/right only as far as the last tap reads.
    const padBottom = Math.max(0, reachH + outH - x.shape[1] - top);
    const padRight = Math.max(0, reachW + outW - x.shape[2] - left);
    const xp = pad(x, [
      [0, 0],
      [top, padBottom],
      [left, padRight],
      [0, 0],
    ]);
    const dyR = reshape(dy, [n, outH, outW, c, m]);
    const taps: Tensor[] = [];
    for (let ky = 0; ky < kH; ky++) {
      for (let kx = 0; kx < kW; kx++) {
        const shifted = expandDims(slice(xp, [0, ky * dH, kx * dW, 0], [n, outH, outW, c]), 4);
        taps.push(sum(mul(shifted, dyR), [0, 1, 2]));
      }
    }
    return reshape(stack(taps), [kH, kW, c, m]);
  };
  return { dx, dw };
}

/**
 * The gradient of `DepthwiseConv2dNative`, as tfjs defines it, plus dilation > 1: on the wasm
 * backend with camkit's kernels, elsewhere from forward ops (see {@link dilatedConvGradConfig};
 * tfjs-backend-cpu's backprop kernels ignore `dilations`, so they are never given one).
 */
export const depthwiseConv2dNativeWithDilationGradConfig = dilatedConvGradConfig({
  kernelName: DepthwiseConv2dNative,
  opName: 'depthwiseConv2dNative',
  backpropInput: depthwiseConv2dNativeBackpropInputWasmConfig,
  backpropFilter: depthwiseConv2dNativeBackpropFilterWasmConfig,
  backpropAttrs: ({ dilations, strides, pad: padding, dimRoundingMode }): NamedAttrMap => ({
    strides,
    pad: padding,
    dimRoundingMode,
    dilations: dilations ?? [1, 1],
  }),
  portable: portableDepthwiseGrads,
});
