import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type * as tfl from '@tensorflow/tfjs-layers';
import { CamkitError } from '../../errors.js';
import { modelFromArtifacts, oneLine, parseModelJson, weightPaths } from '../model-from-artifacts.js';

/**
 * Loads a tfjs Layers model from `model.json` and the weight files its manifest lists, with plain
 * `fs` (no tfjs-node). `path` is the model.json file or the directory holding it.
 * @throws CamkitError naming a missing model.json or weight file, or invalid JSON.
 */
export async function loadModel(path: string): Promise<tfl.LayersModel> {
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
