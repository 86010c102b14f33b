import {
  engine,
  op,
  type Tensor,
  type Tensor2D,
  type Tensor3D,
  type Tensor4D,
  type TensorLike,
} from '@tensorflow/tfjs-core';
import { asFloatTensor } from './as-tensor.js';
import { CamFuse, type CamFuseAttrs } from './kernel-names.js';
import { camFuseDims } from './validate.js';

/** Options of {@link camFuse}. */
export interface CamFuseOptions {
  /** Output size [H, W]. */
  outSize: readonly [number, number];
  /** ReLU on the weighted sum and again after the resize. Default true. */
  relu?: boolean;
  /** Min-max normalise, (x - min) / (max - min + 1e-7), before and after the resize. Default true. */
  normalize?: boolean;
  /** Half-pixel centres (OpenCV INTER_LINEAR) when true, tfjs's legacy mapping otherwise. Default true. */
  halfPixel?: boolean;
}

function camFuse_(
  features: Tensor4D | TensorLike,
  weights: Tensor2D | Tensor3D | TensorLike,
  options: CamFuseOptions,
): Tensor4D {
  const $features = asFloatTensor(features, 'features', 'camFuse');
  const $weights = asFloatTensor(weights, 'weights', 'camFuse');
  const attrs: CamFuseAttrs = {
    outSize: [options.outSize[0], options.outSize[1]],
    relu: options.relu ?? true,
    normalize: options.normalize ?? true,
    halfPixel: options.halfPixel ?? true,
  };
  camFuseDims($features.shape, $weights.shape, attrs);
  return engine().runKernel(
    CamFuse,
    { features: $features, weights: $weights } as unknown as Record<string, Tensor>,
    attrs as unknown as Record<string, unknown> as never,
  ) as Tensor4D;
}

/**
 * Class activation maps in one fused kernel: for every image n and class c,
 * s = sum_k weights[(n,) k, c] * features[n, :, :, k], then (pytorch-grad-cam's convention)
 * `gray = minmax(relu(resize(minmax(relu(s)))))` with minmax(x) = (x - min) / (max - min + 1e-7).
 *
 * ```js
 * const maps = camFuse(activations, alpha.transpose().expandDims(0), { outSize: [224, 224] });
 * ```
 *
 * @param features [N, h, w, K] activations of the target layer.
 * @param weights [N, K, C] per-image or [K, C] shared channel weights.
 * @returns maps [N, C, H, W], float32.
 */
export const camFuse = /* @__PURE__ */ op({ camFuse_ });
