import type { GraphModel } from '@tensorflow/tfjs-converter';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { isGraphModel } from '../src/graph/is-graph-model.js';

/** The model a loader returned, checked to be a Layers model (tests of Layers files). */
export function asLayers(model: LayersModel | GraphModel): LayersModel {
  if (isGraphModel(model)) throw new Error('expected a Layers model, got a graph model');
  return model;
}
