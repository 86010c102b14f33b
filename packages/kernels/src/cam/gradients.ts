import { CamkitError } from '@camkit/core';
import {
  broadcastTo,
  type GradConfig,
  matMul,
  mul,
  type NamedAttrMap,
  reshape,
  type Tensor,
  type Tensor2D,
  type Tensor3D,
  tensor2d,
  transpose,
} from '@tensorflow/tfjs-core';
import type { CamFuseImplAttrs } from './cam-fuse-impl.js';
import { CamFuse, GradcamWeights } from './kernel-names.js';
import { resizePlan } from './resize-plan.js';

/** alpha = mean_ij(grads) is linear: d grads = broadcast(d alpha) / (h w). */
export const gradcamWeightsGradConfig: GradConfig = {
  kernelName: GradcamWeights,
  inputsToSave: ['grads'],
  gradFunc: (dy, saved) => {
    const [g] = saved as [Tensor];
    const [n, h, w, k] = g.shape as [number, number, number, number];
    return {
      grads: () => mul(broadcastTo(reshape(dy as Tensor, [n, 1, 1, k]), [n, h, w, k]), 1 / (h * w)),
    };
  },
};

/**
 * CamFuse is differentiable only in its linear form (relu=false, normalize=false): out =
 * resize(features . weights). Min-max normalisation is a display step; no CAM method
 * differentiates through it, and its gradient through the argmin/argmax is ill-conditioned, so
 * asking for it is an error rather than a silently surprising result.
 */
export const camFuseGradConfig: GradConfig = {
  kernelName: CamFuse,
  inputsToSave: ['features', 'weights'],
  gradFunc: (dy, saved, attrs: NamedAttrMap) => {
    const a = attrs as unknown as CamFuseImplAttrs;
    if (a.relu || a.normalize) {
      throw new CamkitError(
        'camFuse: gradients exist only for relu=false, normalize=false (the linear form)',
      );
    }
    const [features, weights] = saved as [Tensor, Tensor];
    const [n, h, w, k] = features.shape as [number, number, number, number];
    const c = weights.shape[weights.shape.length - 1] as number;
    const [outH, outW] = a.outSize;
    // The resize is separable, out = Ry s Rx^T, so its adjoint is Ry^T dy Rx: two small matMuls.
    // (tfjs 4.22's cpu ResizeBilinearGrad returns [N, w, h, C] for h != w, so it is not used.)
    let d = reshape(dy as Tensor, [n * c, outH, outW]);
    if (outH !== h || outW !== w) {
      const rx = interpolationMatrix(w, outW, a.halfPixel); // [outW, w]
      const ry = interpolationMatrix(h, outH, a.halfPixel); // [outH, h]
      const dx = reshape(matMul(reshape(d, [n * c * outH, outW]), rx), [n * c, outH, w]);
      const dyx = matMul(reshape(transpose(dx, [0, 2, 1]), [n * c * w, outH]), ry);
      d = transpose(reshape(dyx, [n * c, w, h]), [0, 2, 1]);
    }
    const dS = transpose(reshape(d, [n, c, h, w]), [0, 2, 3, 1]);
    if (weights.rank === 3) {
      const f3 = reshape(features, [n, h * w, k]) as Tensor3D;
      const d3 = reshape(dS, [n, h * w, c]) as Tensor3D;
      return {
        features: () => reshape(matMul(d3, weights as Tensor3D, false, true), [n, h, w, k]),
        weights: () => matMul(f3, d3, true, false),
      };
    }
    const f2 = reshape(features, [n * h * w, k]);
    const d2 = reshape(dS, [n * h * w, c]);
    return {
      features: () => reshape(matMul(d2, weights, false, true), [n, h, w, k]),
      weights: () => matMul(f2, d2, true, false),
    };
  },
};

/** The [outSize, inSize] matrix of a 1-D bilinear resize, from the same taps every kernel uses. */
function interpolationMatrix(inSize: number, outSize: number, halfPixel: boolean): Tensor2D {
  const { lo, hi, frac } = resizePlan(inSize, outSize, halfPixel);
  const m = new Float32Array(outSize * inSize);
  for (let o = 0; o < outSize; o++) {
    const f = frac[o] as number;
    m[o * inSize + (lo[o] as number)] += 1 - f;
    m[o * inSize + (hi[o] as number)] += f;
  }
  return tensor2d(m, [outSize, inSize]);
}
