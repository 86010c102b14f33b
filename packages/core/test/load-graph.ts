import { join } from 'node:path';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import { isGraphModel } from '../src/graph/is-graph-model.js';
import { modelFromArtifacts } from '../src/io/model-from-artifacts.js';
import { loadModel } from '../src/io/node/load-model.js';

/** The vendored graph models (see test/fixtures/graph-models/README.md). */
export const GRAPH_MODELS_DIR = join(import.meta.dirname, 'fixtures', 'graph-models');

/** Loads a model.json that must be a graph model. */
export async function loadGraph(path: string): Promise<GraphModel> {
  const m = await loadModel(path);
  if (!isGraphModel(m)) throw new Error(`${path} did not load as a graph model`);
  return m;
}

/** A graph model from an in-memory model.json + weights (e.g. `graphFromGapNet`). */
export async function graphFromArtifacts(json: object, weights: Uint8Array): Promise<GraphModel> {
  const m = await modelFromArtifacts(json, weights, 'test graph');
  if (!isGraphModel(m)) throw new Error('expected a graph model');
  return m;
}
