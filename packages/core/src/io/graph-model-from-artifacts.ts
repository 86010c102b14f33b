import type * as tfc from '@tensorflow/tfjs-core';
import { type GraphModel, loadGraphModel } from '@tensorflow/tfjs-converter';
import { CamkitError } from '../errors.js';
import { checkGraphOps } from '../graph/check-graph.js';
import type { GraphTopology } from '../graph/graph-def.js';
import type { ModelJson } from './model-from-artifacts.js';
import { oneLine } from './model-from-artifacts.js';

/**
 * A tfjs GraphModel from a checked graph-model `model.json` and its weight bytes. The ops are
 * checked first (control flow, ops camkit cannot run), then tfjs-converter builds the model and
 * decodes (dequantizes) the weights, so they are exactly what `tf.loadGraphModel` gives.
 */
export async function graphModelFromArtifacts(
  json: ModelJson,
  specs: tfc.io.WeightsManifestEntry[],
  weightData: tfc.io.WeightData,
  source: string,
): Promise<GraphModel> {
  checkGraphOps(json.modelTopology as GraphTopology, source);
  const artifacts: tfc.io.ModelArtifacts = {
    modelTopology: json.modelTopology as object,
    format: 'graph-model',
    generatedBy: json.generatedBy as string | undefined,
    convertedBy: json.convertedBy as string | undefined,
    signature: json.signature as object | undefined,
    userDefinedMetadata: json.userDefinedMetadata as Record<string, object> | undefined,
    modelInitializer: json.modelInitializer as object | undefined,
    weightSpecs: specs,
    weightData,
  };
  try {
    return await loadGraphModel({ load: async () => artifacts });
  } catch (e) {
    throw new CamkitError(`${source}: cannot build the graph model (${oneLine(e)})`);
  }
}
