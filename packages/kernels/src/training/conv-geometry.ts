import { CamkitError } from '@camkit/core';
import { backend_util } from '@tensorflow/tfjs-core';

/** Attributes shared by `Conv2DBackpropFilter` and `Conv2DBackpropInput` (plus camkit's `dilations`). */
export interface ConvBackpropAttrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
  dataFormat?: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  /** Not a tfjs attribute of these kernels (tfjs has no dilated conv gradient); camkit's Conv2D gradient passes it. */
  dilations?: [number, number] | number;
}

/** Resolved geometry of the forward convolution whose gradient is being computed (NHWC). */
export interface ConvGeometry {
  batch: number;
  inH: number;
  inW: number;
  inC: number;
  outH: number;
  outW: number;
  outC: number;
  kH: number;
  kW: number;
  strideH: number;
  strideW: number;
  dilationH: number;
  dilationW: number;
  padTop: number;
  padLeft: number;
}

/**
 * Resolves padding ('same', 'valid', a number, explicit) exactly as the forward conv did, using
 * tfjs's own shape logic so both sides agree, and rejects what the kernels do not implement.
 * `depthwise`: the filter is `[kH, kW, inC, multiplier]` and outC = inC · multiplier.
 */
export function convGeometry(
  kernelName: string,
  xShape: readonly number[],
  filterShape: readonly number[],
  dyShape: readonly number[],
  attrs: ConvBackpropAttrs,
  depthwise = false,
): ConvGeometry {
  const dataFormat = attrs.dataFormat ?? 'NHWC';
  if (dataFormat !== 'NHWC') {
    throw new CamkitError(
      `@camkit/kernels: ${kernelName} on wasm supports dataFormat 'NHWC' only, got '${dataFormat}' (transpose the data to NHWC)`,
    );
  }
  if (xShape.length !== 4 || filterShape.length !== 4 || dyShape.length !== 4) {
    throw new CamkitError(
      `@camkit/kernels: ${kernelName} expects rank-4 x, filter and dy, got ranks ${xShape.length}, ${filterShape.length}, ${dyShape.length}`,
    );
  }
  const dilations = attrs.dilations ?? 1;
  const info = backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    dilations,
    attrs.pad,
    attrs.dimRoundingMode,
    depthwise,
    'channelsLast',
  );
  const [batch, outH, outW, outC] = info.outShape;
  if (batch !== dyShape[0] || outH !== dyShape[1] || outW !== dyShape[2] || outC !== dyShape[3]) {
    throw new CamkitError(
      `@camkit/kernels: ${kernelName}: dy shape [${dyShape}] does not match the conv output [${info.outShape}]`,
    );
  }
  return {
    batch,
    inH: info.inHeight,
    inW: info.inWidth,
    inC: info.inChannels,
    outH,
    outW,
    outC,
    kH: info.filterHeight,
    kW: info.filterWidth,
    strideH: info.strideHeight,
    strideW: info.strideWidth,
    dilationH: info.dilationHeight,
    dilationW: info.dilationWidth,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
  };
}
