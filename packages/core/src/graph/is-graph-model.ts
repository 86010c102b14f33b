import type { GraphModel } from '@tensorflow/tfjs-converter';
import type { LayersModel } from '@tensorflow/tfjs-layers';

/**
 * True for a tfjs-converter `GraphModel` (what `tf.loadGraphModel` and camkit's loaders return for
 * a `"format": "graph-model"` file), false for a Layers model. Duck-typed, so a model from another
 * copy of tfjs still counts.
 */
export function isGraphModel(model: LayersModel | GraphModel | unknown): model is GraphModel {
  const m = model as Partial<GraphModel> & { layers?: unknown };
  return (
    m != null &&
    typeof m === 'object' &&
    !Array.isArray(m.layers) &&
    typeof m.executeAsync === 'function' &&
    Array.isArray(m.outputNodes)
  );
}
