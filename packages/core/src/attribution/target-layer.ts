import type { LayersModel } from '@tensorflow/tfjs-layers';
import { CamkitError } from '../errors.js';
import { findLayerDeep, type LayerLike, leafLayers } from './graph-runner.js';

export function outputRank(layer: LayerLike): number | null {
  try {
    const shape = layer.outputShape;
    if (!Array.isArray(shape) || shape.length === 0 || Array.isArray(shape[0])) return null;
    return shape.length;
  } catch {
    // outputShape throws for a layer called on inputs of different shapes; it is no candidate.
    return null;
  }
}

/**
 * Names of the layers a CAM can target: every layer with a 4-D output (`[N, h, w, K]`), in
 * execution order, including the layers of nested models (a base model used as a layer).
 */
export function listCandidateLayers(model: LayersModel): string[] {
  return leafLayers(model)
    .filter((l) => outputRank(l) === 4)
    .map((l) => l.name);
}

/** The default CAM target: the last layer with a 4-D output, searched through nested models too. */
export function findTargetLayer(model: LayersModel): string {
  const candidates = listCandidateLayers(model);
  if (candidates.length === 0) {
    throw new CamkitError(
      `model '${model.name}' has no layer with a 4-D output to explain (CAM needs a conv layer)`,
    );
  }
  return candidates[candidates.length - 1];
}

/** Checks a user-given layer name (or picks the default) and returns it. */
export function resolveTargetLayer(model: LayersModel, layer: string | undefined): string {
  if (layer === undefined) return findTargetLayer(model);
  const found = findLayerDeep(model, layer);
  if (!found || outputRank(found) !== 4) {
    const what = found ? 'has no 4-D output' : 'is not in the model';
    throw new CamkitError(
      `layer '${layer}' ${what}; candidate layers: ${listCandidateLayers(model).join(', ') || '(none)'}`,
    );
  }
  return layer;
}
