import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { type LayersModel, loadLayersModel } from '@tensorflow/tfjs-layers';

import { FIXTURE_DIR } from './fixture-dir.js';

export { FIXTURE_DIR };

/**
 * Loads a tfjs Layers model (model.json + its weight files) from a folder with plain fs: tfjs's
 * file:// handlers need tfjs-node, which cannot be installed here.
 */
export async function loadModelFromDir(dir: string): Promise<LayersModel> {
  const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
  const handler: tf.io.IOHandler = {
    load: () =>
      tf.io.getModelArtifactsForJSON(json, async (manifest) => {
        const specs = manifest.flatMap((g) => g.weights);
        const buffers = manifest.flatMap((g) =>
          g.paths.map((p) => {
            const b = readFileSync(join(dir, p));
            return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
          }),
        );
        return [specs, tf.io.concatenateArrayBuffers(buffers)];
      }),
  };
  return loadLayersModel(handler);
}

/** The dev-net fixture model (24×24×3 → 3 classes, softmax). */
export function loadDevNet(): Promise<LayersModel> {
  return loadModelFromDir(join(FIXTURE_DIR, 'models', 'dev-net'));
}
