import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { CamkitError } from '../../errors.js';
import { oneLine } from '../model-from-artifacts.js';
import {
  fsyncDir,
  removeQuietly,
  tempSibling,
  writeFileAtomic,
  writeFileSynced,
} from './write-file-atomic.js';

/** Options for {@link saveModel}. */
export interface SaveModelOptions {
  /** Also save the optimizer state (for resuming training). Default false. */
  includeOptimizer?: boolean;
}

/** What {@link saveModel} wrote. */
export interface SavedModelFiles {
  modelJson: string;
  weights: string;
  weightBytes: number;
}

/**
 * Saves a Layers model as `dir/model.json` + `dir/weights.bin` (the layout `tf.loadLayersModel` and
 * {@link loadModel} read), without tfjs-node.
 *
 * Atomic: when `dir` does not exist (or is empty) both files are staged in a temporary sibling
 * directory that is renamed into place, so `dir` appears complete or not at all. When `dir` already
 * holds files, each file is written to a temp file and renamed, weights first, so a reader never sees
 * a partial file. On failure nothing is left behind.
 */
export async function saveModel(
  model: tfl.LayersModel,
  dir: string,
  opts: SaveModelOptions = {},
): Promise<SavedModelFiles> {
  const target = resolve(dir);
  let files: { json: string; weights: Uint8Array } | undefined;
  try {
    await model.save(
      tfc.io.withSaveHandler(async (artifacts) => {
        files = serialise(artifacts);
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
      { includeOptimizer: opts.includeOptimizer ?? false },
    );
  } catch (e) {
    throw new CamkitError(`cannot save model to ${target}: ${oneLine(e)}`);
  }
  if (!files) throw new CamkitError(`cannot save model to ${target}: the model produced no artifacts`);
  const modelJson = join(target, 'model.json');
  const weights = join(target, 'weights.bin');
  if (existsSync(target) && readdirSafe(target).length > 0) {
    writeFileAtomic(weights, files.weights);
    writeFileAtomic(modelJson, files.json);
  } else {
    const staging = tempSibling(target);
    try {
      mkdirSync(dirname(target), { recursive: true });
      mkdirSync(staging);
      writeFileSynced(join(staging, 'weights.bin'), files.weights);
      writeFileSynced(join(staging, 'model.json'), files.json);
      fsyncDir(staging);
      // rename() replaces an empty directory but not a non-empty one, which we excluded above.
      renameSync(staging, target);
      fsyncDir(dirname(target));
    } catch (e) {
      removeQuietly(staging);
      throw new CamkitError(`cannot save model to ${target}: ${oneLine(e)}`);
    }
  }
  return { modelJson, weights, weightBytes: files.weights.byteLength };
}

function readdirSafe(path: string): string[] {
  try {
    return readdirSync(path);
  } catch (e) {
    throw new CamkitError(`cannot save model to ${path}: ${oneLine(e)}`);
  }
}

function serialise(artifacts: tfc.io.ModelArtifacts): { json: string; weights: Uint8Array } {
  if (artifacts.modelTopology instanceof ArrayBuffer) {
    throw new CamkitError('saveModel: binary (graph) topologies are not supported');
  }
  const data = artifacts.weightData ?? new ArrayBuffer(0);
  const weights = new Uint8Array(tfc.io.CompositeArrayBuffer.join(data));
  const json = {
    modelTopology: artifacts.modelTopology,
    format: artifacts.format ?? 'layers-model',
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy ?? null,
    weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }],
    ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
    ...(artifacts.signature ? { signature: artifacts.signature } : {}),
    ...(artifacts.userDefinedMetadata ? { userDefinedMetadata: artifacts.userDefinedMetadata } : {}),
  };
  return { json: JSON.stringify(json), weights };
}
