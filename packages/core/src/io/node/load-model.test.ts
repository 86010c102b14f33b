import '@tensorflow/tfjs-backend-cpu';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tfc from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asLayers } from '../../../test/as-layers.js';
import { FIXTURE_DIR, FIXTURE_IMAGES } from '../../../test/fixture-dir.js';
import { CamkitError } from '../../errors.js';
import { loadModel } from './load-model.js';
import { readNpyFile } from './npy-file.js';

const FIXTURES = FIXTURE_DIR;
const IMAGES = FIXTURE_IMAGES;
let tmp: string;

beforeAll(async () => {
  await tfc.setBackend('cpu');
  tmp = mkdtempSync(join(tmpdir(), 'camkit-load-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('loadModel', () => {
  it('loads the fixture dev-net and reproduces the torch logits and softmax', async () => {
    const before = tfc.memory().numTensors;
    const model = asLayers(await loadModel(join(FIXTURES, 'models/dev-net/model.json')));
    expect(model.layers.map((l) => l.name)).toEqual(['c1', 'c2', 'p1', 'c3', 'gap', 'out']);
    const [kernel, bias] = model.getLayer('out').getWeights();
    // GAP features by applying the layers before 'out' one by one (no second model sharing them).
    const features = (x: tfc.Tensor) =>
      model.layers.slice(0, -1).reduce((h, layer) => layer.apply(h) as tfc.Tensor, x) as tfc.Tensor2D;
    for (const id of IMAGES) {
      const input = readNpyFile(join(FIXTURES, 'inputs', `${id}.npy`));
      const x = tfc.tensor4d(
        input.data as Float32Array,
        [1, ...input.shape] as [number, number, number, number],
      );
      const probs = tfc.tidy(() => (model.predict(x) as tfc.Tensor).dataSync());
      // Logits recomputed from the GAP features and the Dense weights (pre-softmax).
      const logits = tfc.tidy(() =>
        tfc.add(tfc.matMul(features(x), kernel as tfc.Tensor2D), bias).dataSync(),
      );
      x.dispose();
      const refLogits = readNpyFile(join(FIXTURES, 'logits', `dev-net__${id}.logits.npy`)).data;
      const refSoftmax = readNpyFile(join(FIXTURES, 'logits', `dev-net__${id}.softmax.npy`)).data;
      for (let k = 0; k < 3; k++) {
        expect(Math.abs(probs[k] - refSoftmax[k])).toBeLessThan(1e-5);
        expect(Math.abs(logits[k] - refLogits[k])).toBeLessThan(1e-5);
      }
    }
    model.dispose();
    expect(tfc.memory().numTensors).toBe(before);
  });

  it('accepts the directory that holds model.json', async () => {
    const model = asLayers(await loadModel(join(FIXTURES, 'models/dev-net')));
    expect(model.name).toBeTruthy();
    expect(model.outputs[0].shape).toEqual([null, 3]);
    model.dispose();
  });

  it('names a missing model.json', async () => {
    const missing = join(tmp, 'nope', 'model.json');
    await expect(loadModel(missing)).rejects.toThrow(CamkitError);
    await expect(loadModel(missing)).rejects.toThrow(`model file not found: ${missing}`);
  });

  it('names a missing weight file', async () => {
    const dir = join(tmp, 'no-weights');
    cpSync(join(FIXTURES, 'models/dev-net'), dir, { recursive: true });
    rmSync(join(dir, 'weights.bin'));
    await expect(loadModel(join(dir, 'model.json'))).rejects.toThrow(
      /weight file \(listed in .*model\.json\) not found: .*weights\.bin/,
    );
  });

  it('reports invalid JSON, non-layers models and wrong weight sizes in one line', async () => {
    const dir = join(tmp, 'bad');
    cpSync(join(FIXTURES, 'models/dev-net'), dir, { recursive: true });
    writeFileSync(join(dir, 'model.json'), '{"modelTopology": ');
    const err = await loadModel(dir).catch((e: Error) => e);
    expect(err).toBeInstanceOf(CamkitError);
    expect((err as Error).message).toMatch(/model\.json: invalid JSON/);
    expect((err as Error).message).not.toContain('\n');
    writeFileSync(
      join(dir, 'model.json'),
      JSON.stringify({ format: 'graph-model', modelTopology: {}, weightsManifest: [] }),
    );
    await expect(loadModel(dir)).rejects.toThrow(/model\.json: graph model without modelTopology\.node/);
    writeFileSync(
      join(dir, 'model.json'),
      JSON.stringify({ format: 'onnx', modelTopology: {}, weightsManifest: [] }),
    );
    await expect(loadModel(dir)).rejects.toThrow(
      /format 'onnx' is neither a 'layers-model' nor a 'graph-model'/,
    );
    const json = readFileSync(join(FIXTURES, 'models/dev-net/model.json'), 'utf8');
    writeFileSync(join(dir, 'model.json'), json);
    writeFileSync(join(dir, 'weights.bin'), new Uint8Array(12));
    await expect(loadModel(dir)).rejects.toThrow(
      /weight file 'weights\.bin' is 12 bytes; its manifest group needs \d+ bytes/,
    );
  });
});
