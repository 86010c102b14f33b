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

/**
 * The last candidate (in execution order) whose spatial size h·w is > 1; a size the model leaves
 * open counts as > 1. After a global pooling every map is 1×1 and its CAM is a constant:
 * MobileNetV3's classifier runs two 1×1 convs there, so "the last 4-D layer" was its logits.
 */
export function lastSpatial<T extends { shape: readonly (number | null)[] }>(candidates: T[]): T | undefined {
  return candidates.findLast((c) => (c.shape[1] ?? 2) * (c.shape[2] ?? 2) > 1);
}

/**
 * The default CAM target: the last layer with a 4-D output whose spatial size is > 1 (see
 * {@link lastSpatial}; the last 4-D layer if every one is 1×1), searched through nested models too.
 */
export function findTargetLayer(model: LayersModel): string {
  const candidates = leafLayers(model)
    .filter((l) => outputRank(l) === 4)
    .map((l) => ({ name: l.name, shape: l.outputShape as (number | null)[] }));
  const last = lastSpatial(candidates) ?? candidates.at(-1);
  if (!last) {
    throw new CamkitError(
      `model '${model.name}' has no layer with a 4-D output to explain (CAM needs a conv layer)`,
    );
  }
  return last.name;
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
