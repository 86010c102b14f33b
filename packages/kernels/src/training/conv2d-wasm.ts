import type { KernelConfig, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs-core';
import { backend_util, Conv2D } from '@tensorflow/tfjs-core';
import { winogradConv3x3 } from './simd/winograd-conv.js';
import { setupStock, stockKernel } from './stock-kernels.js';
import type { WasmBackendLike } from './wasm-kernel-calls.js';

interface Conv2DAttrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
  dataFormat?: 'NHWC' | 'NCHW';
  dilations?: [number, number] | number;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/**
 * `Conv2D` for wasm: 3×3, stride-1, undilated NHWC convolutions with ≥ 8 input and a multiple of 4
 * output channels — every conv of camkit's models but the first — run by Winograd F(2×2, 3×3) on
 * generated SIMD code (2.25× fewer multiplications than XNNPACK's direct convolution); everything
 * else goes to the stock XNNPACK kernel. Used by training and by every explain method on wasm.
 */
export function conv2DWasm(args: {
  inputs: { x: TensorInfo; filter: TensorInfo };
  backend: WasmBackendLike;
  attrs: Conv2DAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { x, filter } = inputs;
  if (
    (attrs.dataFormat ?? 'NHWC') === 'NHWC' &&
    x.dtype === 'float32' &&
    x.shape.length === 4 &&
    filter.shape[0] === 3 &&
    filter.shape[1] === 3
  ) {
    const info = backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      filter.shape as [number, number, number, number],
      attrs.strides,
      attrs.dilations ?? 1,
      attrs.pad,
      attrs.dimRoundingMode,
      false,
      'channelsLast',
    );
    const unit =
      info.strideHeight === 1 &&
      info.strideWidth === 1 &&
      info.dilationHeight === 1 &&
      info.dilationWidth === 1;
    if (unit) {
      const out = winogradConv3x3(backend, x, filter, {
        batch: info.batchSize,
        inH: info.inHeight,
        inW: info.inWidth,
        inC: info.inChannels,
        outC: info.outChannels,
        outH: info.outHeight,
        outW: info.outWidth,
        padTop: info.padInfo.top,
        padLeft: info.padInfo.left,
      });
      if (out != null) return out;
    }
  }
  const stock = stockKernel(Conv2D);
  if (stock == null) throw new Error(`@camkit/kernels: no stock wasm ${Conv2D} to delegate to`);
  return stock.kernelFunc({ inputs, backend, attrs: attrs as unknown as NamedAttrMap }) as TensorInfo;
}

/** `Conv2D` for wasm: Winograd where it pays, the stock XNNPACK kernel elsewhere. */
export const conv2DWasmConfig: KernelConfig = {
  kernelName: Conv2D,
  backendName: 'wasm',
  kernelFunc: conv2DWasm as unknown as KernelFunc,
  setupFunc: setupStock(Conv2D),
};
