import type * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { CamkitError } from '../errors.js';
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
 * CAM's class weights `[K, classes]`: the kernel of the Dense layer that follows
 * `layer → GlobalAveragePooling2D` and produces the model output (Zhou et al. 2016). Throws a
 * CamkitError suggesting 'gradcam' when the model has no such head. The tensor is the layer's
 * own weight: do not dispose it.
 */
export function camWeightMatrix(model: LayersModel, layer: string): tf.Tensor2D {
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
    throw new CamkitError(
      `method 'cam' needs '${layer}' → GlobalAveragePooling2D → Dense (the model output); after '${layer}' this model has ${names.join(' → ') || 'nothing'}: use method 'gradcam' instead`,
    );
  }
  const dense = after[1] as LayerLike & { kernel: { read(): tf.Tensor } };
  return dense.kernel.read() as tf.Tensor2D;
}

function isSoftmaxOrLinear(layer: LayerLike): boolean {
  const cls = layer.getClassName();
  const act = layer.activation?.getClassName();
  return cls === 'Softmax' || (cls === 'Activation' && (act === 'softmax' || act === 'linear'));
}
