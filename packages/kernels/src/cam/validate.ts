import { CamkitError } from '@camkit/core';
import type { CamFuseImplAttrs } from './cam-fuse-impl.js';

/** The sizes of a CamFuse problem: [N, h, w, K] features, C classes, [outH, outW] maps. */
export interface CamShape {
  n: number;
  h: number;
  w: number;
  k: number;
  c: number;
  outH: number;
  outW: number;
}

/** Shapes of a CamFuse call, after the checks every backend relies on. */
export interface CamFuseDims extends CamShape {
  weightsBatched: boolean;
}

/** Checks CamFuse inputs once, in the op, so kernels can trust the shapes; one-line errors. */
export function camFuseDims(
  featuresShape: readonly number[],
  weightsShape: readonly number[],
  attrs: CamFuseImplAttrs,
): CamFuseDims {
  if (featuresShape.length !== 4) {
    throw new CamkitError(`camFuse: features must be [N, h, w, K], got shape [${featuresShape}]`);
  }
  const [n, h, w, k] = featuresShape as [number, number, number, number];
  const batched = weightsShape.length === 3;
  if (!(weightsShape.length === 2 || batched)) {
    throw new CamkitError(`camFuse: weights must be [K, C] or [N, K, C], got shape [${weightsShape}]`);
  }
  const wk = weightsShape[batched ? 1 : 0];
  if (wk !== k || (batched && weightsShape[0] !== n)) {
    throw new CamkitError(
      `camFuse: weights [${weightsShape}] do not match features [${featuresShape}] (K=${k}, N=${n})`,
    );
  }
  const [outH, outW] = attrs.outSize;
  if (!(Number.isInteger(outH) && Number.isInteger(outW) && outH > 0 && outW > 0)) {
    throw new CamkitError(`camFuse: outSize must be two positive integers, got [${attrs.outSize}]`);
  }
  if (h < 1 || w < 1) throw new CamkitError(`camFuse: empty feature maps [${featuresShape}]`);
  return {
    n,
    h,
    w,
    k,
    c: weightsShape[weightsShape.length - 1] as number,
    outH,
    outW,
    weightsBatched: batched,
  };
}
