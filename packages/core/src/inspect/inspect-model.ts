import type { AnyModel } from '../attribution/explainable-model.js';
import { explainable } from '../attribution/explainable.js';
import type { ModelInfo } from './model-info.js';

/** Options of {@link inspectModel}. */
export interface InspectOptions {
  /**
   * Input size [H, W] for the shapes of a graph model whose input size is free (-1).
   * Default: the declared size, else 224.
   */
  inputSize?: [number, number];
}

/**
 * What camkit sees in a Layers or graph model: the input, the score it differentiates (and the
 * activation it strips), the head (and whether method 'cam' applies at the default target), the
 * candidate target layers/nodes with shapes and parameter counts, and the default target —
 * "which target layer do I use?" in one call. A graph model runs once on a zero image to get its
 * node shapes. Nothing is left allocated.
 *
 * @example
 * const info = inspectModel(await loadModel('model.json'));
 * console.log(info.defaultTarget, info.candidates.map((c) => c.name));
 */
export function inspectModel(model: AnyModel, opts: InspectOptions = {}): ModelInfo {
  const m = explainable(model);
  const size = opts.inputSize ?? null;
  const info = m.describe(size);
  let head: ModelInfo['head'];
  if (info.defaultTarget === null) {
    head = { kind: 'other', camApplies: false, reason: 'no 4-D feature map to target' };
  } else {
    const cam = m.camHead(info.defaultTarget, size);
    head = cam.ok
      ? { kind: cam.kind, camApplies: true }
      : { kind: 'other', camApplies: false, reason: cam.reason };
  }
  return { ...info, head };
}
