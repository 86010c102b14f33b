import {
  add,
  div,
  image,
  matMul,
  max,
  min,
  relu,
  reshape,
  sub,
  type Tensor,
  type Tensor3D,
  type Tensor4D,
  tidy,
  transpose,
} from '@tensorflow/tfjs-core';
import { MINMAX_EPS } from '@camkit/core';
import type { CamFuseImplAttrs } from './cam-fuse-impl.js';

function minmax(x: Tensor4D): Tensor4D {
  const mn = min(x, [1, 2], true);
  const mx = max(x, [1, 2], true);
  return div(sub(x, mn), add(sub(mx, mn), MINMAX_EPS));
}

/**
 * The CamFuse maths in stock tfjs ops: one matMul, relu, min/max, resizeBilinear, relu, min/max.
 * It is the kernel on the `tensorflow` backend (each op a TF kernel, CUDA on tfjs-node-gpu), the
 * unfused baseline of the benchmark and a reference in the tests. Returns [N, C, H, W].
 */
export function camFuseOpChain(features: Tensor4D, weights: Tensor, attrs: CamFuseImplAttrs): Tensor4D {
  return tidy(() => {
    const [n, h, w, k] = features.shape;
    const c = weights.shape[weights.shape.length - 1] as number;
    const [outH, outW] = attrs.outSize;
    const sum =
      weights.rank === 3
        ? matMul(reshape(features, [n, h * w, k]) as Tensor3D, weights as Tensor3D)
        : matMul(reshape(features, [n * h * w, k]), weights);
    let s = reshape(sum, [n, h, w, c]) as Tensor4D;
    if (attrs.relu) s = relu(s);
    if (attrs.normalize) s = minmax(s);
    if (outH !== h || outW !== w) s = image.resizeBilinear(s, [outH, outW], false, attrs.halfPixel);
    if (attrs.relu) s = relu(s);
    if (attrs.normalize) s = minmax(s);
    return transpose(s, [0, 3, 1, 2]);
  });
}
