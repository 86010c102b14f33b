import '@tensorflow/tfjs-backend-cpu';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { ManifestSchema, MetricsSchema, parseNpy } from '@camkit/core';
import { loadModel } from '@camkit/core/node';
import * as tf from '@tensorflow/tfjs-core';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeHalvesDataset } from './make-images.js';
import { camkit, errorLine, tmp } from './run-cli.js';

describe('camkit explain / evaluate', () => {
  let data: string;
  let run: string;
  beforeAll(async () => {
    const root = tmp();
    data = join(root, 'data');
    await makeHalvesDataset(data, 10, 16);
    run = join(root, 'run');
    const r = await camkit([
      'train',
      '--data',
      data,
      '--input-size',
      '16',
      '--filters',
      '4,8',
      '--epochs',
      '2',
      '--batch',
      '8',
      '--workers',
      '1',
      '--out',
      run,
    ]);
    expect(r.code, r.stderr).toBe(0);
  });

  it('writes npy/png/overlay/raw per image, method and class, and a manifest that validates', async () => {
    const out = join(tmp(), 'explain');
    const images = join(data, 'top');
    const r = await camkit([
      'explain',
      '--model',
      join(run, 'model.json'),
      '--images',
      images,
      join(data, 'bottom', 'bottom-0.png'),
      '--method',
      'cam,gradcam,guided-backprop',
      '--classes',
      'all',
      '--save-raw',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const manifest = ManifestSchema.parse(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    expect(manifest.images).toHaveLength(11);
    // 11 images × 3 methods × 2 classes
    expect(manifest.outputs).toHaveLength(66);
    expect(manifest.models[0]).toMatchObject({ classNames: ['bottom', 'top'], inputSize: [16, 16] });
    for (const o of manifest.outputs) {
      expect(o.npy).toBe(`${o.image}/${o.method}/c${o.classIndex}.npy`);
      const npy = parseNpy(readFileSync(join(out, o.npy)));
      expect(npy.dtype).toBe('float32');
      expect(npy.shape).toEqual(o.method === 'guided-backprop' ? [16, 16, 3] : [16, 16]);
      expect(o.shape).toEqual(npy.shape);
      const meta = await sharp(join(out, o.heatmap!)).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', 16, 16]);
      if (o.method === 'guided-backprop') {
        expect(o.overlay).toBeNull();
        expect(o.layer).toBeNull();
      } else {
        const [lo, hi] = [Math.min(...npy.data), Math.max(...npy.data)];
        expect(lo).toBeGreaterThanOrEqual(0);
        expect(hi).toBeLessThanOrEqual(1 + 1e-6);
        expect((await sharp(join(out, o.overlay!)).metadata()).format).toBe('jpeg');
        expect(o.layer).toBe('conv2');
        // The raw map lives at the target layer's resolution: conv2 of a no-pool net is 16×16.
        expect(parseNpy(readFileSync(join(out, o.raw!))).shape).toEqual([16, 16]);
      }
    }
    const img = manifest.images.find((i) => i.id === 'top-0')!;
    const p = img.predictions.model;
    expect(p.probabilities).toHaveLength(2);
    expect(p.probabilities[0] + p.probabilities[1]).toBeCloseTo(1, 5);
    expect(p.predicted).toBe(p.probabilities[1] > p.probabilities[0] ? 1 : 0);
  });

  it('copies a model from outside --out into the run and writes its relative path', async () => {
    const out = join(tmp(), 'explain');
    const r = await camkit([
      'explain',
      '--model',
      join(run, 'model.json'),
      '--images',
      join(data, 'top', 'top-0.png'),
      '--model-id',
      'tiny',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const manifest = ManifestSchema.parse(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    const path = manifest.models[0].path;
    expect(isAbsolute(path)).toBe(false);
    // What the viewer fetches, /run/<path>, must stay inside the run.
    const copied = resolve(out, path);
    expect(copied.startsWith(resolve(out) + sep)).toBe(true);
    expect(existsSync(copied)).toBe(true);
    // camkit.json travels too, so class names and preprocessing survive the copy.
    expect(readFileSync(join(dirname(copied), 'camkit.json'), 'utf8')).toBe(
      readFileSync(join(run, 'camkit.json'), 'utf8'),
    );
    expect(readdirSync(dirname(copied)).filter((f) => f.includes('.tmp-'))).toEqual([]);
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const original = await loadModel(join(run, 'model.json'));
    const copy = await loadModel(copied);
    const x = tf.randomUniform([3, 16, 16, 3], 0, 1, 'float32', 7);
    const [a, b] = [original.predict(x) as tf.Tensor, copy.predict(x) as tf.Tensor];
    expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
    tf.dispose([x, a, b]);
    original.dispose();
    copy.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('evaluates on folders and synthetic data, writing metrics.json that validates', async () => {
    const out = join(tmp(), 'eval');
    const r = await camkit([
      'evaluate',
      '--model',
      join(run, 'model.json'),
      '--data',
      data,
      '--methods',
      'gradcam',
      '--limit',
      '4',
      '--steps',
      '4',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const m = MetricsSchema.parse(JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')));
    expect(m.models[0].count).toBe(20);
    const conf = m.models[0].confusion;
    expect(conf.flat().reduce((a, b) => a + b, 0)).toBe(20);
    expect(m.models[0].accuracy).toBeCloseTo((conf[0][0] + conf[1][1]) / 20, 10);
    expect(r.stdout).toMatch(/accuracy .*% on 20 images/);
    expect(m.methods[0]).toMatchObject({ method: 'gradcam', pointingGame: null });
    expect(m.methods[0].deletionAuc).toBeGreaterThanOrEqual(0);
    // --steps 4: the viewer's plot gets 5-point mean curves.
    expect(m.methods[0].deletionCurve).toHaveLength(5);
    expect(m.methods[0].insertionCurve).toHaveLength(5);

    const synRun = join(tmp(), 'syn');
    const t = await camkit([
      'train',
      '--synthetic',
      '--classes',
      '2',
      '--count',
      '24',
      '--input-size',
      '16',
      '--filters',
      '4',
      '--epochs',
      '1',
      '--workers',
      '1',
      '--out',
      synRun,
    ]);
    expect(t.code, t.stderr).toBe(0);
    const s = await camkit([
      'evaluate',
      '--model',
      join(synRun, 'model.json'),
      '--synthetic',
      '--count',
      '8',
      '--methods',
      'cam',
      '--limit',
      '4',
      '--steps',
      '4',
    ]);
    expect(s.code, s.stderr).toBe(0);
    const sm = MetricsSchema.parse(JSON.parse(readFileSync(join(synRun, 'metrics.json'), 'utf8')));
    expect(sm.methods[0].pointingGame).not.toBeNull();
    expect(Object.keys(sm.methods[0].localizationError)).toEqual(['0.15', '0.2']);
    expect(r.stdout).toMatch(/pointing/);
  });

  it('fails with one line for an unknown layer (listing candidates) and cam on a model without GAP', async () => {
    const out = join(tmp(), 'x');
    const bad = await camkit([
      'explain',
      '--model',
      join(run, 'model.json'),
      '--images',
      data + '/top',
      '--layer',
      'nope',
      '--out',
      out,
    ]);
    expect(errorLine(bad)).toMatch(/--layer nope: .*nope.*conv1.*conv2/);
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);
    const flatten = join(tmp(), 'flatten');
    await makeFlattenModel(flatten);
    const cam = await camkit([
      'explain',
      '--model',
      join(flatten, 'model.json'),
      '--images',
      join(data, 'top', 'top-0.png'),
      '--method',
      'cam',
      '--out',
      out,
    ]);
    expect(errorLine(cam)).toMatch(/--method cam: .*(GlobalAveragePooling|GAP)/i);
  });

  it('fails with one line for missing model.json / weights, a non-image model, a corrupt image', async () => {
    const out = join(tmp(), 'x');
    const img = join(data, 'top', 'top-0.png');
    const missing = await camkit(['explain', '--model', '/nope/model.json', '--images', img, '--out', out]);
    expect(errorLine(missing)).toMatch(/--model \/nope\/model\.json: file not found/);
    const copy = join(tmp(), 'noweights');
    mkdirSync(copy);
    writeFileSync(join(copy, 'model.json'), readFileSync(join(run, 'model.json')));
    const nw = await camkit(['explain', '--model', join(copy, 'model.json'), '--images', img, '--out', out]);
    expect(errorLine(nw)).toMatch(/weight file .*weights\.bin not found/);
    const dense = join(tmp(), 'dense');
    await makeDenseModel(dense);
    const d = await camkit(['explain', '--model', join(dense, 'model.json'), '--images', img, '--out', out]);
    expect(errorLine(d)).toMatch(/input shape \[null,10\] is not an image/);
    const corrupt = join(tmp(), 'bad.png');
    writeFileSync(corrupt, 'PNG? no');
    const c = await camkit([
      'explain',
      '--model',
      join(run, 'model.json'),
      '--images',
      corrupt,
      '--out',
      out,
    ]);
    expect(errorLine(c)).toMatch(/bad\.png: not a readable image/);
    rmSync(out, { recursive: true, force: true });
  });
});

/** A model.json whose input is a vector, written in the tfjs layers format by hand. */
async function makeDenseModel(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const topology = {
    class_name: 'Sequential',
    config: {
      name: 'dense',
      layers: [
        {
          class_name: 'Dense',
          config: {
            name: 'd',
            units: 2,
            activation: 'softmax',
            use_bias: true,
            batch_input_shape: [null, 10],
            dtype: 'float32',
          },
        },
      ],
    },
    keras_version: 'tfjs-layers 4.22.0',
    backend: 'tensor_flow.js',
  };
  writeFileSync(
    join(dir, 'model.json'),
    JSON.stringify({
      format: 'layers-model',
      modelTopology: topology,
      weightsManifest: [
        {
          paths: ['weights.bin'],
          weights: [
            { name: 'd/kernel', shape: [10, 2], dtype: 'float32' },
            { name: 'd/bias', shape: [2], dtype: 'float32' },
          ],
        },
      ],
    }),
  );
  writeFileSync(join(dir, 'weights.bin'), new Uint8Array(22 * 4));
}

/** conv → flatten → dense: Grad-CAM applies, CAM does not. */
async function makeFlattenModel(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const topology = {
    class_name: 'Sequential',
    config: {
      name: 'flat',
      layers: [
        {
          class_name: 'Conv2D',
          config: {
            name: 'conv',
            filters: 2,
            kernel_size: [3, 3],
            strides: [1, 1],
            padding: 'same',
            activation: 'relu',
            use_bias: true,
            batch_input_shape: [null, 16, 16, 3],
            dtype: 'float32',
            data_format: 'channels_last',
            dilation_rate: [1, 1],
          },
        },
        { class_name: 'Flatten', config: { name: 'flatten' } },
        { class_name: 'Dense', config: { name: 'out', units: 2, activation: 'softmax', use_bias: true } },
      ],
    },
  };
  const weights = [
    { name: 'conv/kernel', shape: [3, 3, 3, 2], dtype: 'float32' },
    { name: 'conv/bias', shape: [2], dtype: 'float32' },
    { name: 'out/kernel', shape: [512, 2], dtype: 'float32' },
    { name: 'out/bias', shape: [2], dtype: 'float32' },
  ];
  writeFileSync(
    join(dir, 'model.json'),
    JSON.stringify({
      format: 'layers-model',
      modelTopology: topology,
      weightsManifest: [{ paths: ['weights.bin'], weights }],
    }),
  );
  const n = 54 + 2 + 1024 + 2;
  const w = new Float32Array(n).map((_, i) => Math.sin(i) * 0.1);
  writeFileSync(join(dir, 'weights.bin'), new Uint8Array(w.buffer));
}
