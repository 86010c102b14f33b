import {
  broadcastTo,
  engine,
  type GradConfig,
  matMul,
  mul,
  type NamedAttrMap,
  ResizeBilinearGrad,
  reshape,
  type Tensor,
  type Tensor3D,
  transpose,
  zeros,
} from '@tensorflow/tfjs-core';
import type { CamFuseImplAttrs } from './cam-fuse-impl.js';
import { CamFuse, GradcamWeights } from './kernel-names.js';

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
      throw new Error('camFuse: gradients exist only for relu=false, normalize=false (the linear form)');
    }
    const [features, weights] = saved as [Tensor, Tensor];
    const [n, h, w, k] = features.shape as [number, number, number, number];
    const c = weights.shape[weights.shape.length - 1] as number;
    const [outH, outW] = a.outSize;
    const dyNhwc = transpose(dy as Tensor, [0, 2, 3, 1]);
    // The adjoint of the bilinear resize is tfjs's own ResizeBilinearGrad (images is read for its shape).
    const dS =
      outH === h && outW === w
        ? dyNhwc
        : (engine().runKernel(
            ResizeBilinearGrad,
            { images: zeros([n, h, w, c]), dy: dyNhwc },
            { alignCorners: false, halfPixelCenters: a.halfPixel },
          ) as Tensor);
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
