import * as tfc from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import { CamkitError } from '../errors.js';
import { graphModelFromArtifacts } from './graph-model-from-artifacts.js';

/** The parts of a tfjs `model.json` that camkit reads. */
export interface ModelJson {
  modelTopology: unknown;
  format?: string;
  weightsManifest: { paths: string[]; weights: tfc.io.WeightsManifestEntry[] }[];
  [key: string]: unknown;
}

/** Weight bytes: one buffer, or one per path of `weightsManifest` in manifest order. */
export type WeightBytes = ArrayBuffer | Uint8Array | readonly (ArrayBuffer | Uint8Array)[];

/** The two model.json formats tfjs writes. */
export type ModelFormat = 'layers-model' | 'graph-model';

/**
 * Which format a parsed model.json is: its `format` field, or (older files without one) the shape
 * of `modelTopology` (a Keras config vs a GraphDef with `node`). Null for anything else.
 */
export function modelFormat(json: ModelJson): ModelFormat | null {
  if (json.format === 'layers-model' || json.format === 'graph-model') return json.format;
  if (json.format !== undefined) return null;
  const topology = json.modelTopology as { node?: unknown; class_name?: unknown; config?: unknown };
  if (Array.isArray(topology.node)) return 'graph-model';
  if (typeof topology.class_name === 'string' || topology.config !== undefined) return 'layers-model';
  return null;
}

/**
 * Checks that `json` (an object or its text) is a tfjs `model.json` (Layers or graph model) and
 * returns it typed. `source` names the file in error messages.
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
  if (
    obj === null ||
    typeof obj !== 'object' ||
    obj.modelTopology == null ||
    typeof obj.modelTopology !== 'object'
  ) {
    throw new CamkitError(`${source}: not a TensorFlow.js model.json (no modelTopology)`);
  }
  if (modelFormat(obj as ModelJson) === null) {
    const what =
      obj.format === undefined ? 'its modelTopology is neither' : `format '${String(obj.format)}' is neither`;
    throw new CamkitError(
      `${source}: not a TensorFlow.js model: ${what} a 'layers-model' nor a 'graph-model'`,
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
 * Builds the model a parsed (or raw) `model.json` describes — a Layers model or a graph model, as
 * its `format` says — from its weight bytes, without any IO: the building block of
 * `loadModelFromUrl` and the Node `loadModel`. Quantized weights are dequantized by tfjs itself.
 * Byte counts are checked against the manifest, shard by shard, before anything is decoded.
 */
export async function modelFromArtifacts(
  json: unknown,
  weightBytes: WeightBytes,
  source = 'model.json',
): Promise<tfl.LayersModel | GraphModel> {
  const modelJson = parseModelJson(json, source);
  const parts = (Array.isArray(weightBytes) ? weightBytes : [weightBytes]) as (ArrayBuffer | Uint8Array)[];
  // new Uint8Array(view) copies exactly the view (a Node Buffer may sit inside a larger shared pool).
  const buffers = parts.map((p) => (p instanceof Uint8Array ? (new Uint8Array(p).buffer as ArrayBuffer) : p));
  checkWeightBytes(modelJson, buffers, source);
  const weightData = buffers.length === 1 ? buffers[0] : tfc.io.CompositeArrayBuffer.join(buffers);
  const specs = modelJson.weightsManifest.flatMap((g) => g.weights);
  if (modelFormat(modelJson) === 'graph-model') {
    return graphModelFromArtifacts(modelJson, specs, weightData, source);
  }
  const artifacts = await tfc.io.getModelArtifactsForJSON(
    modelJson as unknown as tfc.io.ModelJSON,
    async () => [specs, weightData],
  );
  try {
    return await tfl.loadLayersModel({ load: async () => artifacts });
  } catch (e) {
    throw new CamkitError(`${source}: cannot build the model (${causeOf(e)})`);
  }
}

/**
 * Total bytes first, then group by group: a manifest group's shards hold its weights back to back,
 * so a missing or cut shard shows as a short group. The file named is the first shard shorter
 * than the group's first one (converters write equal shards but the last), else the group's last.
 */
function checkWeightBytes(json: ModelJson, buffers: ArrayBuffer[], source: string): void {
  const total = buffers.reduce((n, b) => n + b.byteLength, 0);
  const needed = json.weightsManifest.reduce((n, g) => n + groupBytes(g.weights), 0);
  const perFile = buffers.length === weightPaths(json).length;
  if (total === needed) return;
  if (perFile) {
    let at = 0;
    for (const group of json.weightsManifest) {
      const sizes = buffers.slice(at, at + group.paths.length).map((b) => b.byteLength);
      at += group.paths.length;
      const have = sizes.reduce((a, b) => a + b, 0);
      const want = groupBytes(group.weights);
      if (have === want) continue;
      let short = sizes.findIndex((n, i) => i > 0 && i < sizes.length - 1 && n !== sizes[0]);
      if (short < 0) short = sizes.length - 1;
      throw new CamkitError(
        `${source}: weight file '${group.paths[short]}' is ${sizes[short]} bytes; its manifest group needs ${want} bytes in ${group.paths.length} file(s) but has ${have} (truncated or wrong file)`,
      );
    }
  }
  throw new CamkitError(`${source}: weights are ${total} bytes but weightsManifest needs ${needed}`);
}

function groupBytes(specs: tfc.io.WeightsManifestEntry[]): number {
  return specs.reduce((n, s) => n + specBytes(s), 0);
}

const BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 };

function specBytes(spec: tfc.io.WeightsManifestEntry): number {
  const count = spec.shape.reduce((a, b) => a * b, 1);
  const q = spec.quantization;
  if (q) return count * (BYTES[q.dtype] ?? 4);
  return count * (BYTES[spec.dtype] ?? 4);
}

/** First line of an error message, so wrapped errors stay one line (and short: at most 200 characters). */
export function oneLine(e: unknown): string {
  const line = String(e instanceof Error ? e.message : e).split('\n')[0];
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/**
 * A tfjs error as a short cause. tfjs's "Improper config format: {…}" prints the whole topology,
 * which must never reach a user's terminal: it is replaced, not cut.
 */
export function causeOf(e: unknown): string {
  const line = oneLine(e);
  if (
    /Improper config format|Unknown layer|Unknown (activation|initializer|regularizer|constraint)/.test(line)
  ) {
    const name = /Unknown \w+:? ?([A-Za-z0-9_]+)/.exec(line)?.[1];
    return name ? `unknown Keras class '${name}'` : 'the topology is not a valid Keras model config';
  }
  return line;
}
