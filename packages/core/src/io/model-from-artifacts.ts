import * as tfc from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { CamkitError } from '../errors.js';

/** The parts of a tfjs `model.json` that camkit reads. */
export interface ModelJson {
  modelTopology: unknown;
  format?: string;
  weightsManifest: { paths: string[]; weights: tfc.io.WeightsManifestEntry[] }[];
  [key: string]: unknown;
}

/** Weight bytes: one buffer, or one per path of `weightsManifest` in manifest order. */
export type WeightBytes = ArrayBuffer | Uint8Array | readonly (ArrayBuffer | Uint8Array)[];

/**
 * Checks that `json` (an object or its text) is a tfjs Layers `model.json` and returns it typed.
 * `source` names the file in error messages.
 */
export function parseModelJson(json: unknown, source = 'model.json'): ModelJson {
  let value = json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (e) {
      throw new CamkitError(`${source}: invalid JSON (${oneLine(e)})`);
    }
  }
  const obj = value as Partial<ModelJson> | null;
  if (obj === null || typeof obj !== 'object' || obj.modelTopology == null) {
    throw new CamkitError(`${source}: not a TensorFlow.js Layers model (no modelTopology)`);
  }
  if (obj.format !== undefined && obj.format !== 'layers-model') {
    throw new CamkitError(
      `${source}: format '${obj.format}' is not a Layers model (graph models cannot be explained)`,
    );
  }
  if (!Array.isArray(obj.weightsManifest)) {
    throw new CamkitError(`${source}: no weightsManifest`);
  }
  for (const group of obj.weightsManifest) {
    if (!Array.isArray(group?.paths) || !Array.isArray(group?.weights)) {
      throw new CamkitError(`${source}: weightsManifest entries need 'paths' and 'weights'`);
    }
  }
  return obj as ModelJson;
}

/** Every weight file path in manifest order. */
export function weightPaths(json: ModelJson): string[] {
  return json.weightsManifest.flatMap((g) => g.paths);
}

/**
 * Builds a Layers model from a parsed (or raw) `model.json` and its weight bytes, without any IO:
 * the building block of `loadModelFromUrl` and the Node `loadModel`.
 */
export async function modelFromArtifacts(
  json: unknown,
  weightBytes: WeightBytes,
  source = 'model.json',
): Promise<tfl.LayersModel> {
  const modelJson = parseModelJson(json, source);
  const parts = (Array.isArray(weightBytes) ? weightBytes : [weightBytes]) as (ArrayBuffer | Uint8Array)[];
  // new Uint8Array(view) copies exactly the view (a Node Buffer may sit inside a larger shared pool).
  const buffers = parts.map((p) => (p instanceof Uint8Array ? (new Uint8Array(p).buffer as ArrayBuffer) : p));
  const weightData = buffers.length === 1 ? buffers[0] : tfc.io.CompositeArrayBuffer.join(buffers);
  const specs = modelJson.weightsManifest.flatMap((g) => g.weights);
  const expected = specs.reduce((n, s) => n + specBytes(s), 0);
  if (weightData.byteLength !== expected) {
    throw new CamkitError(
      `${source}: weights are ${weightData.byteLength} bytes but weightsManifest needs ${expected}`,
    );
  }
  const artifacts = await tfc.io.getModelArtifactsForJSON(
    modelJson as unknown as tfc.io.ModelJSON,
    async () => [specs, weightData],
  );
  try {
    return await tfl.loadLayersModel({ load: async () => artifacts });
  } catch (e) {
    throw new CamkitError(`${source}: cannot build the model (${oneLine(e)})`);
  }
}

const BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 };

function specBytes(spec: tfc.io.WeightsManifestEntry): number {
  const count = spec.shape.reduce((a, b) => a * b, 1);
  const q = spec.quantization;
  if (q) return count * (BYTES[q.dtype] ?? 4);
  return count * (BYTES[spec.dtype] ?? 4);
}

/** First line of an error message, so wrapped errors stay one line. */
export function oneLine(e: unknown): string {
  return String(e instanceof Error ? e.message : e).split('\n')[0];
}
