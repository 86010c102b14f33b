import { CamkitError } from '@camkit/core';
import { backend_util, type NamedAttrMap, type Tensor4D } from '@tensorflow/tfjs-core';

/** True when a conv's `dilations` attribute (a number or a pair) asks for a dilation other than 1. */
export function dilated(dilations: unknown): boolean {
  const d = Array.isArray(dilations) ? dilations : [dilations ?? 1];
  return d.some((v) => v !== 1);
}

/**
 * The geometry the portable (forward-op) gradients of a dilated conv need, checked: stride 1 (tfjs
 * allows dilation only there) and padding within the kernel's reach (k − 1)·d on every side, else
 * a one-line CamkitError naming `opName` (those run on the wasm backend only).
 */
export function dilatedGradGeometry(
  x: Tensor4D,
  filter: Tensor4D,
  attrs: NamedAttrMap,
  opName: string,
  depthwise = false,
) {
  const info = backend_util.computeConv2DInfo(
    x.shape,
    filter.shape,
    attrs.strides as number | [number, number],
    attrs.dilations as number | [number, number],
    attrs.pad as 'same' | 'valid' | number | backend_util.ExplicitPadding,
    attrs.dimRoundingMode as 'floor' | 'round' | 'ceil' | undefined,
    depthwise,
  );
  const { top, bottom, left, right } = info.padInfo;
  const [dH, dW] = [info.dilationHeight, info.dilationWidth];
  const reachH = (info.filterHeight - 1) * dH;
  const reachW = (info.filterWidth - 1) * dW;
  if (
    info.strideHeight !== 1 ||
    info.strideWidth !== 1 ||
    Math.max(top, bottom) > reachH ||
    Math.max(left, right) > reachW
  ) {
    throw new CamkitError(
      `Error in gradient of ${opName}: dilation ${dH}×${dW} with strides ${info.strideHeight}×${info.strideWidth} and padding wider than the kernel's reach runs on the wasm backend only`,
    );
  }
  return { info, top, bottom, left, right, dH, dW, reachH, reachW };
}
