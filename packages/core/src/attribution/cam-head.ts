import type * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { CamkitError } from '../errors.js';
import type { AnyModel, CamHead } from './explainable-model.js';
import { explainable } from './explainable.js';
import { findLayerDeep, isContainer, type LayerLike, leafLayers } from './graph-runner.js';

// Layers that are the identity at inference, allowed between GAP and the Dense head.
const INFERENCE_IDENTITY = new Set([
  'Dropout',
  'SpatialDropout1D',
  'SpatialDropout2D',
  'GaussianNoise',
  'GaussianDropout',
  'AlphaDropout',
]);

/**
 * The CAM head after `layer` in a Layers model: the Dense layer that follows
 * `layer → GlobalAveragePooling2D` and produces the model output (Zhou et al. 2016), or why
 * there is none (the message `camWeightMatrix` throws).
 */
export function layersCamHead(model: LayersModel, layer: string): CamHead {
  const leaves = leafLayers(model);
  const target = findLayerDeep(model, layer);
  const last = target && isContainer(target) ? leafLayers(target).at(-1) : target;
  const after = leaves
    .slice(leaves.indexOf(last as LayerLike) + 1)
    .filter((l) => !INFERENCE_IDENTITY.has(l.getClassName()));
  // A separate softmax after the Dense is skipped like a fused one (the score is the logit).
  while (after.length > 2 && isSoftmaxOrLinear(after[after.length - 1])) after.pop();
  const names = after.map((l) => l.getClassName());
  if (after.length !== 2 || names[0] !== 'GlobalAveragePooling2D' || names[1] !== 'Dense') {
    return {
      ok: false,
      reason: `method 'cam' needs '${layer}' → GlobalAveragePooling2D → Dense (the model output); after '${layer}' this model has ${names.join(' → ') || 'nothing'}: use method 'gradcam' instead`,
    };
  }
  const dense = after[1] as LayerLike & { kernel: { read(): tf.Tensor } };
  return { ok: true, kind: 'gap-dense', weights: () => dense.kernel.read() as tf.Tensor2D };
}

/**
 * CAM's class weights `[K, classes]` at `layer` (Zhou et al. 2016): for a Layers model the kernel
 * of the Dense after `layer → GlobalAveragePooling2D`; for a graph model the MatMul weight after
 * a Mean over H, W, or the identity when `layer` already has one channel per class followed by
 * the spatial mean. Throws a CamkitError suggesting 'gradcam' when the model has no such head.
 * Call it inside `tf.tidy`: the tensor may be the model's own weight (never dispose that) or a
 * new one (binary graph heads).
 */
export function camWeightMatrix(model: AnyModel, layer: string): tf.Tensor2D {
  const head = explainable(model).camHead(layer, null);
  if (!head.ok) throw new CamkitError(head.reason);
  return head.weights();
}
function isSoftmaxOrLinear(layer: LayerLike): boolean {
  const cls = layer.getClassName();
  const act = layer.activation?.getClassName();
  return cls === 'Softmax' || (cls === 'Activation' && (act === 'softmax' || act === 'linear'));
}
