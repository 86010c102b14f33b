import '@tensorflow/tfjs-backend-cpu';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { ManifestSchema, MetricsSchema, parseNpy, Rng } from '@camkit/core';
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

  it('skips unreadable files with a warning naming each and a count; --strict makes one an error', async () => {
    const dir = join(tmp(), 'mixed');
    mkdirSync(dir);
    copyFileSync(join(data, 'top', 'top-0.png'), join(dir, 'a-good.png'));
    copyFileSync(join(data, 'bottom', 'bottom-0.png'), join(dir, 'b-good.png'));
    const rng = new Rng(7);
    const noise = Uint8Array.from({ length: 600 }, () => rng.int(0, 255));
    writeFileSync(join(dir, 'noise.png'), noise);
    writeFileSync(join(dir, 'notes.jpg'), 'not a picture, just text\n');
    const out = join(tmp(), 'explain');
    const args = ['explain', '--model', join(run, 'model.json'), '--images', dir, '--out', out];
    const r = await camkit(args);
    expect(r.code, r.stderr).toBe(0);
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('warning:'));
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/^warning: skipping .*noise\.png: not a readable image/);
    expect(warnings[1]).toMatch(/^warning: skipping .*notes\.jpg: not a readable image/);
    expect(warnings[2]).toBe('warning: skipped 2 unreadable file(s) of 4');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const manifest = ManifestSchema.parse(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    expect(manifest.images.map((i) => i.id)).toEqual(['a-good', 'b-good']);
    expect(new Set(manifest.outputs.map((o) => o.image))).toEqual(new Set(['a-good', 'b-good']));
    expect(r.stdout).toMatch(/wrote 2 maps for 2 image\(s\)/);
    expect(existsSync(join(out, 'noise'))).toBe(false);
    expect(existsSync(join(out, 'notes'))).toBe(false);

    const strictOut = join(tmp(), 'strict');
    const s = await camkit([...args.slice(0, -1), strictOut, '--strict']);
    expect(errorLine(s)).toMatch(/noise\.png: not a readable image .*\(--strict\)$/);
    expect(existsSync(join(strictOut, 'manifest.json'))).toBe(false);
    // Inputs are checked before anything is written: --out is not even created.
    expect(existsSync(strictOut)).toBe(false);

    const bad = join(tmp(), 'allbad');
    mkdirSync(bad);
    copyFileSync(join(dir, 'noise.png'), join(bad, 'noise.png'));
    copyFileSync(join(dir, 'notes.jpg'), join(bad, 'notes.jpg'));
    const allOut = join(tmp(), 'none');
    const a = await camkit(['explain', '--model', join(run, 'model.json'), '--images', bad, '--out', allOut]);
    expect(errorLine(a)).toMatch(
      /--images: no readable image among 2 file\(s\) \(.*noise\.png: not a readable/,
    );
    expect(existsSync(join(allOut, 'manifest.json'))).toBe(false);
  });

  it('--concurrency 2 writes byte-identical files and the same manifest as --concurrency 1', async () => {
    const dir = join(tmp(), 'four');
    mkdirSync(dir);
    for (const f of ['top/top-0', 'top/top-1', 'bottom/bottom-0', 'bottom/bottom-1']) {
      copyFileSync(join(data, `${f}.png`), join(dir, `${f.split('/')[1]}.png`));
    }
    // --batch 2: two batches, one per worker. smoothgrad's noise depends on the batch, so it
    // catches any split other than the in-thread one.
    const args = (out: string, n: string) => [
      'explain',
      '--model',
      join(run, 'model.json'),
      '--images',
      dir,
      '--method',
      'gradcam,cam,smoothgrad,guided-gradcam',
      '--classes',
      'all',
      '--save-raw',
      '--batch',
      '2',
      '--concurrency',
      n,
      '--out',
      out,
    ];
    const [one, two] = [join(tmp(), 'c1'), join(tmp(), 'c2')];
    const r1 = await camkit(args(one, '1'));
    expect(r1.code, r1.stderr).toBe(0);
    const r2 = await camkit(args(two, '2'));
    expect(r2.code, r2.stderr).toBe(0);
    expect(r2.stderr).toMatch(/explaining 2 batch\(es\) on 2 worker threads/);
    expect(r1.stderr).not.toMatch(/worker threads/);
    const files = listFiles(one);
    expect(listFiles(two)).toEqual(files);
    const npys = files.filter((f) => f.endsWith('.npy'));
    // 4 images × (cam, gradcam: 2 classes × (map + raw); smoothgrad, guided-gradcam: 2 classes)
    expect(npys).toHaveLength(4 * (2 * 2 * 2 + 2 + 2));
    for (const f of files) {
      if (f === 'manifest.json') continue;
      const [a, b] = [readFileSync(join(one, f)), readFileSync(join(two, f))];
      expect(Buffer.compare(a, b), f).toBe(0);
    }
    const m1 = ManifestSchema.parse(JSON.parse(readFileSync(join(one, 'manifest.json'), 'utf8')));
    const m2 = ManifestSchema.parse(JSON.parse(readFileSync(join(two, 'manifest.json'), 'utf8')));
    expect(m2.images.map((i) => i.id)).toEqual(['bottom-0', 'bottom-1', 'top-0', 'top-1']);
    expect({ ...m2, createdAt: '' }).toEqual({ ...m1, createdAt: '' });

    // An error inside a worker is the same one line as in this thread, and no manifest is written.
    const fail = async (n: string) => {
      const out = join(tmp(), `fail${n}`);
      // top-0 is in the second batch; a directory where its map goes makes that write fail.
      mkdirSync(join(out, 'top-0', 'gradcam', 'c0.npy'), { recursive: true });
      const r = await camkit(['-q', ...args(out, n)]);
      expect(existsSync(join(out, 'manifest.json'))).toBe(false);
      return errorLine(r)
        .replaceAll(out, '<out>')
        .replace(/\.tmp-\d+-[0-9a-f]+/g, '.tmp-X');
    };
    const inThread = await fail('1');
    expect(inThread).toMatch(/^camkit: error: cannot write <out>\/top-0\/gradcam\/c0\.npy: /);
    expect(await fail('2')).toBe(inThread);

    // Worker threads run wasm only: another backend explains in this thread, with a note.
    const cpu = await camkit([...args(join(tmp(), 'cpu'), '2'), '--backend', 'cpu']);
    expect(cpu.code, cpu.stderr).toBe(0);
    expect(cpu.stderr).toMatch(/--concurrency 2: worker threads run the wasm backend only \(running cpu\)/);
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
    expect(errorLine(missing)).toMatch(
      /^camkit: error: --model \/nope\/model\.json: model file not found: \/nope\/model\.json$/,
    );
    const copy = join(tmp(), 'noweights');
    mkdirSync(copy);
    writeFileSync(join(copy, 'model.json'), readFileSync(join(run, 'model.json')));
    const nw = await camkit(['explain', '--model', join(copy, 'model.json'), '--images', img, '--out', out]);
    expect(errorLine(nw)).toMatch(
      /--model .*noweights\/model\.json: weight file .*not found: .*weights\.bin$/,
    );
    const dense = join(tmp(), 'dense');
    await makeDenseModel(dense);
    const d = await camkit(['explain', '--model', join(dense, 'model.json'), '--images', img, '--out', out]);
    expect(errorLine(d)).toMatch(/--model .*dense\/model\.json: .*2-D input; explain needs images/);
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

/** Every file under `dir`, relative, sorted. */
function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? listFiles(dir, join(prefix, e.name)) : e.isFile() ? [join(prefix, e.name)] : [],
    )
    .sort();
}

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
