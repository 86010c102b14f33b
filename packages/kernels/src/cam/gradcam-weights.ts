import { CamkitError } from '@camkit/core';
import {
  engine,
  op,
  type Tensor,
  type Tensor2D,
  type Tensor4D,
  type TensorLike,
} from '@tensorflow/tfjs-core';
import { asFloatTensor } from './as-tensor.js';
import { GradcamPlusPlusWeights, GradcamWeights } from './kernel-names.js';

function gradcamWeights_(grads: Tensor4D | TensorLike): Tensor2D {
  const $grads = asFloatTensor(grads, 'grads', 'gradcamWeights');
  if ($grads.rank !== 4) {
    throw new CamkitError(`gradcamWeights: grads must be [N, h, w, K], got shape [${$grads.shape}]`);
  }
  return engine().runKernel(GradcamWeights, { grads: $grads } as unknown as Record<
    string,
    Tensor
  >) as Tensor2D;
}

/**
 * Grad-CAM channel weights, the spatial mean of the gradients: [N, h, w, K] -> alpha [N, K].
 * Differentiable (it is linear).
 */
export const gradcamWeights = /* @__PURE__ */ op({ gradcamWeights_ });

function gradcamPlusPlusWeights_(grads: Tensor4D | TensorLike, activations: Tensor4D | TensorLike): Tensor2D {
  const $grads = asFloatTensor(grads, 'grads', 'gradcamPlusPlusWeights');
  const $act = asFloatTensor(activations, 'activations', 'gradcamPlusPlusWeights');
  if ($grads.rank !== 4 || $grads.shape.join() !== $act.shape.join()) {
    throw new CamkitError(
      `gradcamPlusPlusWeights: grads and activations must both be [N, h, w, K], got [${$grads.shape}] and [${$act.shape}]`,
    );
  }
  return engine().runKernel(GradcamPlusPlusWeights, {
    grads: $grads,
    activations: $act,
  } as unknown as Record<string, Tensor>) as Tensor2D;
}

/**
 * Grad-CAM++ channel weights as pytorch-grad-cam computes them:
 * aij = g^2 / (2 g^2 + sum_ij(A) g^3 + 1e-6) (0 where g == 0), w = sum_ij relu(g) aij.
 * grads, activations [N, h, w, K] -> w [N, K]. Not differentiable (no CAM method needs it).
 */
export const gradcamPlusPlusWeights = /* @__PURE__ */ op({ gradcamPlusPlusWeights_ });
