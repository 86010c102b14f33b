import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import type * as tfl from '@tensorflow/tfjs-layers';
import { CamkitError } from '../../errors.js';
import { modelFromArtifacts, oneLine, parseModelJson, weightPaths } from '../model-from-artifacts.js';

/**
 * Loads a tfjs model — a Layers model or a graph model, as `format` in model.json says — from
 * `model.json` and the weight files (shards) its manifest lists, with plain `fs` (no tfjs-node).
 * `path` is the model.json file or the directory holding it. Quantized weights are dequantized as
 * tfjs does. Use `isGraphModel` to tell the two apart; `explain` takes either.
 * @throws CamkitError (one line, naming the file) for a missing model.json or shard, invalid JSON,
 * a truncated shard, a file that is neither format, or a graph with control flow or an op camkit
 * cannot run.
 */
export async function loadModel(path: string): Promise<tfl.LayersModel | GraphModel> {
  let file = resolve(path);
  if (isDirectory(file)) file = join(file, 'model.json');
  const text = readOrThrow(file, 'model file');
  const json = parseModelJson(text.toString('utf8'), file);
  const dir = dirname(file);
  const weights = weightPaths(json).map((p) =>
    readOrThrow(resolve(dir, decodeURIComponent(p)), `weight file (listed in ${file})`),
  );
  return modelFromArtifacts(json, weights, file);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function readOrThrow(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CamkitError(`${what} not found: ${path}`);
    throw new CamkitError(`cannot read ${what} ${path}: ${oneLine(e)}`);
  }
}
