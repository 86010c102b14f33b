import '@tensorflow/tfjs-backend-cpu';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tfc from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asLayers } from '../../../test/as-layers.js';
import { CamkitError } from '../../errors.js';
import { camNet } from '../../models/cam-net.js';
import { loadModel } from './load-model.js';
import { saveModel } from './save-model.js';

let tmp: string;
beforeAll(async () => {
  await tfc.setBackend('cpu');
  tmp = mkdtempSync(join(tmpdir(), 'camkit-save-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function expectSamePredictions(a: tfl.LayersModel, b: tfl.LayersModel, shape: number[]) {
  const x = tfc.randomUniform(shape, 0, 1, 'float32', 7);
  const pa = (a.predict(x) as tfc.Tensor).dataSync();
  const pb = (b.predict(x) as tfc.Tensor).dataSync();
  x.dispose();
  expect(pb.length).toBe(pa.length);
  for (let i = 0; i < pa.length; i++) expect(pb[i]).toBe(pa[i]);
}

/** A transfer-learning style base: a Sequential feature extractor used as one layer. */
function base(name: string): tfl.Sequential {
  return tfl.sequential({
    name,
    layers: [
      tfl.layers.conv2d({
        inputShape: [12, 12, 3],
        filters: 4,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
        name: `${name}_c1`,
      }),
      tfl.layers.maxPooling2d({ poolSize: 2, name: `${name}_pool` }),
      tfl.layers.conv2d({
        filters: 6,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
        name: `${name}_c2`,
      }),
    ],
  });
}

describe('saveModel → loadModel', () => {
  it('round-trips camNet into a new directory with model.json + weights.bin only', async () => {
    const model = camNet({ inputSize: 16, filters: [4, 8], numClasses: 3 });
    const dir = join(tmp, 'runs', 'camnet');
    const saved = await saveModel(model, dir);
    expect(readdirSync(dir).sort()).toEqual(['model.json', 'weights.bin']);
    expect(readdirSync(join(tmp, 'runs'))).toEqual(['camnet']); // no staging directory left
    const n = 9 * 3 * 4 + 4 + 9 * 4 * 8 + 8 + 8 * 3 + 3;
    expect(saved.weightBytes).toBe(4 * n);
    const json = JSON.parse(readFileSync(saved.modelJson, 'utf8'));
    expect(json.format).toBe('layers-model');
    expect(json.weightsManifest[0].paths).toEqual(['weights.bin']);
    const loaded = asLayers(await loadModel(dir));
    expect(loaded.layers.map((l) => l.name)).toEqual(['conv1', 'conv2', 'gap', 'logits']);
    await expectSamePredictions(model, loaded, [2, 16, 16, 3]);
    model.dispose();
    loaded.dispose();
  });

  it('round-trips a Sequential base nested in a Sequential model', async () => {
    const b = base('backbone');
    const model = tfl.sequential({
      layers: [
        b,
        tfl.layers.globalAveragePooling2d({ name: 'gap' }),
        tfl.layers.dense({ units: 2, activation: 'softmax', name: 'head' }),
      ],
    });
    const dir = join(tmp, 'nested-seq');
    await saveModel(model, dir);
    const loaded = asLayers(await loadModel(dir));
    expect(loaded.layers[0].name).toBe('backbone');
    expect((loaded.layers[0] as tfl.LayersModel).layers.map((l) => l.name)).toEqual([
      'backbone_c1',
      'backbone_pool',
      'backbone_c2',
    ]);
    await expectSamePredictions(model, loaded, [3, 12, 12, 3]);
    model.dispose();
    loaded.dispose();
  });

  it('round-trips a Sequential base called inside a functional model', async () => {
    const b = base('features');
    const input = tfl.input({ shape: [12, 12, 3], name: 'image' });
    const feats = b.apply(input) as tfl.SymbolicTensor;
    const pooled = tfl.layers.globalAveragePooling2d({ name: 'gap' }).apply(feats) as tfl.SymbolicTensor;
    const out = tfl.layers
      .dense({ units: 4, activation: 'softmax', name: 'head' })
      .apply(pooled) as tfl.SymbolicTensor;
    const model = tfl.model({ inputs: input, outputs: out, name: 'transfer' });
    const dir = join(tmp, 'nested-functional');
    await saveModel(model, dir);
    const loaded = asLayers(await loadModel(join(dir, 'model.json')));
    expect(loaded.layers.map((l) => l.name)).toEqual(['image', 'features', 'gap', 'head']);
    await expectSamePredictions(model, loaded, [2, 12, 12, 3]);
    model.dispose();
    loaded.dispose();
  });

  it('replaces the files of an existing directory and keeps its other files', async () => {
    const dir = join(tmp, 'existing');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'notes.txt'), 'keep me');
    writeFileSync(join(dir, 'model.json'), 'old');
    const model = camNet({ inputSize: 8, filters: [2], numClasses: 2 });
    await saveModel(model, dir);
    expect(readdirSync(dir).sort()).toEqual(['model.json', 'notes.txt', 'weights.bin']);
    const loaded = asLayers(await loadModel(dir));
    await expectSamePredictions(model, loaded, [1, 8, 8, 3]);
    model.dispose();
    loaded.dispose();
  });

  it('leaves nothing behind when saving fails', async () => {
    const model = camNet({ inputSize: 8, filters: [2], numClasses: 2 });
    model.dispose(); // a disposed model cannot produce its weights
    const parent = join(tmp, 'failing');
    mkdirSync(parent);
    const err = await saveModel(model, join(parent, 'm')).catch((e: Error) => e);
    expect(err).toBeInstanceOf(CamkitError);
    expect((err as Error).message).toMatch(/^cannot save model to .*failing\/m: /);
    expect(readdirSync(parent)).toEqual([]);

    // The target's parent is a file: mkdir fails after the artifacts exist; no staging dir remains.
    const ok = camNet({ inputSize: 8, filters: [2], numClasses: 2 });
    writeFileSync(join(parent, 'file'), 'x');
    await expect(saveModel(ok, join(parent, 'file', 'm'))).rejects.toThrow(CamkitError);
    expect(readdirSync(parent)).toEqual(['file']);
    expect(existsSync(join(parent, 'file', 'm'))).toBe(false);
    ok.dispose();
  });
});
