import type { TensorInfo } from '@tensorflow/tfjs-core';
import { backend_util, Conv2D, FusedConv2D, util } from '@tensorflow/tfjs-core';
import { dilatedWinogradConv3x3 } from './simd/dilated-winograd.js';
import { winogradConv3x3 } from './simd/winograd-conv.js';
import { runStock, setupStock } from './stock-kernels.js';
import type { WasmBackendLike } from './wasm-kernel-calls.js';
import { kernelConfig } from '../kernel-config.js';

interface Conv2DAttrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
  dataFormat?: 'NHWC' | 'NCHW';
  dilations?: [number, number] | number;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** The Winograd result for a conv this package accelerates, or null to use the stock kernel. */
function tryWinograd(
  backend: WasmBackendLike,
  x: TensorInfo,
  filter: TensorInfo,
  attrs: Conv2DAttrs,
  epilogue: { bias?: TensorInfo; relu?: boolean } = {},
): TensorInfo | null {
  if (
    (attrs.dataFormat ?? 'NHWC') !== 'NHWC' ||
    x.dtype !== 'float32' ||
    x.shape.length !== 4 ||
    filter.shape[0] !== 3 ||
    filter.shape[1] !== 3
  ) {
    return null;
  }
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
  if (info.strideHeight !== 1 || info.strideWidth !== 1 || info.dilationHeight !== info.dilationWidth) {
    return null;
  }
  const g = {
    batch: info.batchSize,
    inH: info.inHeight,
    inW: info.inWidth,
    inC: info.inChannels,
    outC: info.outChannels,
    outH: info.outHeight,
    outW: info.outWidth,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
  };
  if (info.dilationHeight === 1) return winogradConv3x3(backend, x, filter, g, epilogue);
  return dilatedWinogradConv3x3(backend, x, filter, { ...g, dilation: info.dilationHeight }, epilogue);
}

/**
 * `Conv2D` for wasm: 3×3, stride-1 NHWC convolutions (dilated ones on their phases, see
 * `simd/dilated-winograd.ts`) with ≥ 8 input and a multiple of 4
 * output channels — every conv of camkit's models but the first — run by Winograd F(2×2, 3×3) on
 * generated SIMD code (2.25× fewer multiplications than XNNPACK's direct convolution); everything
 * else goes to the stock XNNPACK kernel. Training runs this kernel (and its input gradient rides on
 * it); inference and explain run {@link fusedConv2DWasm}.
 */
export function conv2DWasm(args: {
  inputs: { x: TensorInfo; filter: TensorInfo };
  backend: WasmBackendLike;
  attrs: Conv2DAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  return tryWinograd(backend, inputs.x, inputs.filter, attrs) ?? runStock(Conv2D, args);
}

/**
 * `FusedConv2D` (conv + bias + activation; what tfjs-layers runs at inference, so every explain
 * method's forward pass) for wasm: the same Winograd convs with the bias and ReLU applied in the
 * output transform, before the one store; other activations, PReLU weights and broadcast biases
 * go to the stock kernel.
 */
export function fusedConv2DWasm(args: {
  inputs: { x: TensorInfo; filter: TensorInfo; bias?: TensorInfo; preluActivationWeights?: TensorInfo };
  backend: WasmBackendLike;
  attrs: Conv2DAttrs & { activation?: string };
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { bias, preluActivationWeights } = inputs;
  const activation = attrs.activation ?? 'linear';
  const outC = inputs.filter.shape[3] as number;
  const plainBias =
    bias == null ||
    (bias.dtype === 'float32' && util.sizeFromShape(bias.shape) === outC && bias.shape.length === 1);
  if ((activation === 'linear' || activation === 'relu') && preluActivationWeights == null && plainBias) {
    const out = tryWinograd(backend, inputs.x, inputs.filter, attrs, {
      ...(bias != null ? { bias } : {}),
      relu: activation === 'relu',
    });
    if (out != null) return out;
  }
  return runStock(FusedConv2D, args);
}

/** `Conv2D` for wasm: Winograd where it pays, the stock XNNPACK kernel elsewhere. */
export const conv2DWasmConfig = kernelConfig(Conv2D, 'wasm', conv2DWasm, setupStock(Conv2D));

/** `FusedConv2D` for wasm: Winograd + bias + ReLU where it pays, the stock kernel elsewhere. */
export const fusedConv2DWasmConfig = kernelConfig(
  FusedConv2D,
  'wasm',
  fusedConv2DWasm,
  setupStock(FusedConv2D),
);
