import type { TensorInfo } from '@tensorflow/tfjs-core';
import { Conv2DBackpropFilter } from '@tensorflow/tfjs-core';
import { type ConvBackpropAttrs, convGeometry } from './conv-geometry.js';
import { conv2DBackpropFilterSimd } from './simd/filter-grad-simd.js';
import { callWasmKernel, release, type WasmBackendLike } from './wasm-kernel-calls.js';
import { kernelConfig } from '../kernel-config.js';

type FilterGradArgs = {
  inputs: { x: TensorInfo; dy: TensorInfo };
  backend: WasmBackendLike;
  attrs: ConvBackpropAttrs & { filterShape: [number, number, number, number] };
};

/**
 * The filter gradient on wasm: camkit's generated SIMD kernel (`simd/filter-grad-module.ts`, ~2×
 * faster than the XNNPACK formulation below at training shapes) where it applies and can run,
 * else {@link conv2DBackpropFilterXnnpack}.
 */
export function conv2DBackpropFilterWasm(args: FilterGradArgs): TensorInfo {
  const { inputs, backend, attrs } = args;
  const g = convGeometry(Conv2DBackpropFilter, inputs.x.shape, attrs.filterShape, inputs.dy.shape, attrs);
  return conv2DBackpropFilterSimd(backend, inputs.x, inputs.dy, g) ?? conv2DBackpropFilterXnnpack(args);
}

/**
 * The filter gradient as ONE forward convolution, so it runs on XNNPACK's conv instead of a scalar
 * loop: with x as `[inC, H, W, N]` (the batch becomes the channel axis) and dy as a
 * `[outH, outW, N, outC]` filter,
 *   dW[ky, kx, ci, co] = Σ_{n,y,x} x[n, y·s + ky·d − pad, x·s + kx·d − pad, ci] · dy[n, y, x, co]
 * is a conv with stride d (the forward dilation) and dilation s (the forward stride), whose
 * `[inC, kH, kW, outC]` output is transposed to the filter layout.
 */
export function conv2DBackpropFilterXnnpack(args: FilterGradArgs): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { x, dy } = inputs;
  const g = convGeometry(Conv2DBackpropFilter, x.shape, attrs.filterShape, dy.shape, attrs);
  const xT = callWasmKernel('Transpose', backend, { x }, { perm: [3, 1, 2, 0] });
  const dyT = callWasmKernel('Transpose', backend, { x: dy }, { perm: [1, 2, 0, 3] });
  // Pad only as far as the last tap reads; rows the forward conv never reached are cut below.
  const padBottom = Math.max(0, (g.kH - 1) * g.dilationH + (g.outH - 1) * g.strideH + 1 - g.inH - g.padTop);
  const padRight = Math.max(0, (g.kW - 1) * g.dilationW + (g.outW - 1) * g.strideW + 1 - g.inW - g.padLeft);
  let out = callWasmKernel(
    'Conv2D',
    backend,
    { x: xT, filter: dyT },
    {
      strides: [g.dilationH, g.dilationW],
      dilations: [g.strideH, g.strideW],
      pad: [
        [0, 0],
        [g.padTop, padBottom],
        [g.padLeft, padRight],
        [0, 0],
      ],
      dataFormat: 'NHWC',
      dimRoundingMode: 'floor',
    },
  );
  release(backend, xT, dyT);
  if (out.shape[1] !== g.kH || out.shape[2] !== g.kW) {
    const cut = callWasmKernel(
      'Slice',
      backend,
      { x: out },
      { begin: [0, 0, 0, 0], size: [g.inC, g.kH, g.kW, g.outC] },
    );
    release(backend, out);
    out = cut;
  }
  const dW = callWasmKernel('Transpose', backend, { x: out }, { perm: [1, 2, 0, 3] });
  release(backend, out);
  return dW;
}

/** `Conv2DBackpropFilter` for the wasm backend (tfjs 4.22 registers none). */
export const conv2DBackpropFilterWasmConfig = kernelConfig(
  Conv2DBackpropFilter,
  'wasm',
  conv2DBackpropFilterWasm,
);
