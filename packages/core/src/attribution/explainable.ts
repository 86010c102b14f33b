import type { GraphModel } from '@tensorflow/tfjs-converter';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { CamkitError } from '../errors.js';
import { isGraphModel } from '../graph/is-graph-model.js';
import type { AnyModel, ExplainableModel } from './explainable-model.js';
import { graphExplainable } from './graph-explainable.js';
import { layersExplainable } from './layers-explainable.js';

const adapters = new WeakMap<object, ExplainableModel>();

/** The explain seam for a Layers or graph model (built once per model object). */
export function explainable(model: AnyModel): ExplainableModel {
  if (model == null || typeof model !== 'object') {
    throw new CamkitError(
      `explain needs a tfjs LayersModel or GraphModel, got ${model === null ? 'null' : typeof model}`,
    );
  }
  let adapter = adapters.get(model);
  if (!adapter) {
    if (isGraphModel(model)) adapter = graphExplainable(model as GraphModel);
    else if (Array.isArray((model as LayersModel).layers)) adapter = layersExplainable(model as LayersModel);
    else throw new CamkitError('explain needs a tfjs LayersModel or GraphModel');
    adapters.set(model, adapter);
  }
  return adapter;
}
