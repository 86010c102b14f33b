import '@tensorflow/tfjs-backend-cpu';
import { readFileSync } from 'node:fs';
import * as tfc from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { asLayers } from '../../test/as-layers.js';
import { FIXTURE_DIR } from '../../test/fixture-dir.js';
import { CamkitError } from '../errors.js';
import { modelFromArtifacts } from './model-from-artifacts.js';

const DIR = `${FIXTURE_DIR}/models/dev-net`;
const json = JSON.parse(readFileSync(`${DIR}/model.json`, 'utf8'));
const weights = readFileSync(`${DIR}/weights.bin`);

beforeAll(async () => {
  await tfc.setBackend('cpu');
});

describe('modelFromArtifacts', () => {
  it('builds the same model from one buffer or from split weight files', async () => {
    const one = asLayers(await modelFromArtifacts(json, weights));
    // The same weights split over two manifest paths, passed as two buffers.
    const cut = 100;
    const split = { ...json, weightsManifest: [{ ...json.weightsManifest[0], paths: ['a.bin', 'b.bin'] }] };
    const two = asLayers(
      await modelFromArtifacts(JSON.stringify(split), [weights.subarray(0, cut), weights.subarray(cut)]),
    );
    const x = tfc.randomUniform([2, 24, 24, 3], 0, 1, 'float32', 3);
    const a = tfc.tidy(() => (one.predict(x) as tfc.Tensor).dataSync());
    const b = tfc.tidy(() => (two.predict(x) as tfc.Tensor).dataSync());
    x.dispose();
    expect(Array.from(b)).toEqual(Array.from(a));
    // The c1 kernel's first value is the first float32 of weights.bin.
    const k = one.getLayer('c1').getWeights()[0].dataSync()[0];
    expect(k).toBe(new Float32Array(new Uint8Array(weights.subarray(0, 4)).buffer)[0]);
    one.dispose();
    two.dispose();
  });

  it('rejects bad artifacts with CamkitErrors', async () => {
    await expect(modelFromArtifacts('{', weights, 'x.json')).rejects.toThrow(/^x\.json: invalid JSON/);
    await expect(modelFromArtifacts({}, weights)).rejects.toThrow(CamkitError);
    await expect(modelFromArtifacts({ modelTopology: {} }, weights)).rejects.toThrow(
      /^model\.json: not a TensorFlow\.js model: its modelTopology is neither a 'layers-model' nor a 'graph-model'$/,
    );
    await expect(modelFromArtifacts({ format: 'layers-model', modelTopology: {} }, weights)).rejects.toThrow(
      /no weightsManifest/,
    );
    await expect(modelFromArtifacts(json, weights.subarray(4))).rejects.toThrow(
      /weight file 'weights\.bin' is \d+ bytes/,
    );
    const broken = { ...json, modelTopology: { class_name: 'Nope', config: {} } };
    await expect(modelFromArtifacts(broken, weights)).rejects.toThrow(/cannot build the model/);
  });
});
