import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { CliError } from '../errors.js';
import { writeFileAtomic, writeJsonAtomic } from '../fs/write-file-atomic.js';

/**
 * Saves a LayersModel as `dir/model.json` + `dir/<weightsName>` (tfjs layers format) without
 * tfjs-node: weights first, then model.json, each atomically.
 */
export async function saveModel(
  model: tfl.LayersModel,
  dir: string,
  weightsName = 'weights.bin',
): Promise<void> {
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const bytes = new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData!));
      writeFileAtomic(join(dir, weightsName), bytes);
      const json = {
        format: 'layers-model',
        generatedBy: 'camkit',
        convertedBy: null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: [weightsName], weights: artifacts.weightSpecs }],
      };
      writeJsonAtomic(join(dir, 'model.json'), json);
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
}

/** Reads a tfjs layers model.json and its weight files, with one-line errors naming what is missing. */
export async function loadModel(modelJsonPath: string): Promise<tfl.LayersModel> {
  if (!existsSync(modelJsonPath)) throw new CliError(`--model ${modelJsonPath}: file not found`);
  let json: tf.io.ModelJSON;
  try {
    json = JSON.parse(readFileSync(modelJsonPath, 'utf8'));
  } catch (err) {
    throw new CliError(`--model ${modelJsonPath}: not valid JSON (${(err as Error).message.split('\n')[0]})`);
  }
  if (!json || typeof json !== 'object' || !json.modelTopology || !Array.isArray(json.weightsManifest)) {
    throw new CliError(
      `--model ${modelJsonPath}: not a tfjs layers model.json (no modelTopology/weightsManifest)`,
    );
  }
  const dir = dirname(modelJsonPath);
  for (const group of json.weightsManifest) {
    for (const p of group.paths) {
      if (!existsSync(join(dir, p)))
        throw new CliError(`--model ${modelJsonPath}: weight file ${join(dir, p)} not found`);
    }
  }
  const handler: tf.io.IOHandler = {
    load: () =>
      tf.io.getModelArtifactsForJSON(json, async (manifest) => {
        const specs: tf.io.WeightsManifestEntry[] = [];
        const buffers: ArrayBuffer[] = [];
        for (const group of manifest) {
          specs.push(...group.weights);
          for (const p of group.paths) {
            const b = readFileSync(join(dir, p));
            buffers.push(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
          }
        }
        return [specs, tf.io.CompositeArrayBuffer.join(buffers)];
      }),
  };
  try {
    return await tfl.loadLayersModel(handler);
  } catch (err) {
    throw new CliError(`--model ${modelJsonPath}: cannot load (${(err as Error).message.split('\n')[0]})`);
  }
}
