import {
  type backend_util,
  Conv2D,
  conv2d,
  type NamedAttrMap,
  reverse,
  slice,
  type Tensor4D,
  transpose,
} from '@tensorflow/tfjs-core';
import { conv2DBackpropFilterWasmConfig } from './conv2d-backprop-filter-wasm.js';
import { conv2DBackpropInputWasmConfig } from './conv2d-backprop-input-wasm.js';
import { dilatedConvGradConfig } from './dilated-conv-grad-config.js';
import { dilated, dilatedGradGeometry } from './dilated.js';

/**
 * Both gradients of a dilated, stride-1 conv (tfjs allows dilation only at stride 1) as forward
 * convs that every backend runs:
 *   dx = conv(dy, W flipped in space with in/out swapped), at the same dilation, padded by
 *        (k − 1)·d − pad on each side;
 *   dW[ky, kx, ci, co] = Σ x[n, y + ky·d − pT, x + kx·d − pL, ci] · dy[n, y, x, co]: a conv of x with
 *        the batch as its channels ([ci, H, W, n]) by dy as the filter ([outH, outW, n, co]), at
 *        stride d.
 */
function portableConv2DGrads(x: Tensor4D, filter: Tensor4D, dy: Tensor4D, attrs: NamedAttrMap) {
  const { info, top, bottom, left, right, dH, dW, reachH, reachW } = dilatedGradGeometry(
    x,
    filter,
    attrs,
    'conv2D',
  );
  const [kH, kW] = [info.filterHeight, info.filterWidth];
  const dx = (): Tensor4D => {
    const flipped = transpose(reverse(filter, [0, 1]), [0, 1, 3, 2]) as Tensor4D;
    const pad: backend_util.ExplicitPadding = [
      [0, 0],
      [reachH - top, reachH - bottom],
      [reachW - left, reachW - right],
      [0, 0],
    ];
    return conv2d(dy, flipped, 1, pad, 'NHWC', [dH, dW]);
  };
  const dw = (): Tensor4D => {
    const xT = transpose(x, [3, 1, 2, 0]) as Tensor4D;
    const dyT = transpose(dy, [1, 2, 0, 3]) as Tensor4D;
    // Pad the bottom/right only as far as the last tap reads.
    const padBottom = Math.max(0, reachH + info.outHeight - info.inHeight - top);
    const padRight = Math.max(0, reachW + info.outWidth - info.inWidth - left);
    const full = conv2d(
      xT,
      dyT,
      [dH, dW],
      [
        [0, 0],
        [top, padBottom],
        [left, padRight],
        [0, 0],
      ],
    );
    return transpose(slice(full, [0, 0, 0, 0], [-1, kH, kW, -1]), [1, 2, 0, 3]) as Tensor4D;
  };
  return { dx, dw };
}

/**
 * The gradient of `Conv2D`, as tfjs defines it, plus dilation > 1: on the wasm backend with
 * camkit's kernels, elsewhere from forward convs (see {@link dilatedConvGradConfig}).
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
  portable: portableConv2DGrads,
});
