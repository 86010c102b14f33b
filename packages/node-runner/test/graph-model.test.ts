import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManifestSchema, MetricsSchema, parseNpy } from '@camkit/core';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { camkit, errorLine, tmp } from './run-cli.js';
import { sharedFixture } from '@camkit/shared-fixture';

// The real pretrained graph model of the shared fixtures and pytorch-grad-cam's maps for it.
const FIX = sharedFixture('graph-reference');
const MODEL_DIR = join(FIX, 'models', 'liveness');
const MODEL = join(MODEL_DIR, 'model.json');
const IMAGES = join(FIX, 'images', 'liveness');
const index = JSON.parse(readFileSync(join(FIX, 'index.json'), 'utf8'));
const spec = index.models.liveness;
const [MAXPOOL, RELU] = spec.target_nodes as string[];
const STEMS: string[] = index.images.models.liveness.map((i: { stem: string }) => i.stem);
const PREDICTED: Record<string, { argmax: number; probabilities: number[] }> = index.predictions.liveness;
const slug = (node: string) => node.replaceAll('/', '__');

function npy(file: string) {
  return parseNpy(readFileSync(file), file);
}

/** max |a - b| over max |b| (1 for gray maps in [0, 1]; the guided maps' own scale otherwise). */
function relDiff(a: ArrayLike<number>, b: ArrayLike<number>, relative: boolean): number {
  expect(a.length).toBe(b.length);
  let d = 0;
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    d = Math.max(d, Math.abs(a[i] - b[i]));
    m = Math.max(m, Math.abs(b[i]));
  }
  return relative ? d / m : d;
}

/** Parameters of a graph node as model.json states them: the weights among its inputs. */
function nodeParams(node: string): number {
  const json = JSON.parse(readFileSync(MODEL, 'utf8'));
  const sizes = new Map<string, number>();
  for (const g of json.weightsManifest)
    for (const w of g.weights)
      sizes.set(
        w.name,
        w.shape.reduce((a: number, b: number) => a * b, 1),
      );
  const n = json.modelTopology.node.find((x: { name: string }) => x.name === node);
  return (n.input as string[]).reduce((sum, name) => sum + (sizes.get(name) ?? 0), 0);
}

describe('camkit inspect on a graph model', () => {
  it('prints the input, the pre-softmax score node, the head, the targets and the preprocessing', async () => {
    const r = await camkit(['inspect', MODEL, '--json', '--backend', 'cpu']);
    expect(r.code, r.stderr).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info.format).toBe('graph-model');
    expect(info.input).toMatchObject({ name: spec.input_node, dtype: 'float32', channels: 3 });
    expect(info.input.shape.slice(1)).toEqual(spec.input_shape_nhwc.slice(1));
    expect(info.numClasses).toBe(spec.num_classes);
    expect(info.score).toEqual({
      node: spec.logits_node,
      activation: 'softmax',
      preActivation: true,
      binary: false,
    });
    // Reshape → MatMul is no global average: cam does not apply, gradcam does.
    expect(info.head.camApplies).toBe(false);
    expect(info.defaultTarget).toBe(MAXPOOL);
    const byName = new Map(info.candidates.map((c: { name: string }) => [c.name, c]));
    for (const node of [MAXPOOL, RELU]) {
      const c = byName.get(node) as { shape: (number | null)[]; op: string };
      expect(c.shape.slice(1)).toEqual(spec.target_node_shapes_nhwc[node].slice(1));
      expect(c.op).toBe(spec.target_node_ops[node]);
    }
    expect((byName.get(RELU) as { params: number }).params).toBe(nodeParams(RELU));
    // No Const nodes among the candidates: only 4-D feature maps.
    expect(info.candidates.every((c: { shape: unknown[] }) => c.shape.length === 4)).toBe(true);
    expect(info.preprocess).toEqual({ mode: 'unit', source: 'default', file: null, classNames: null });

    const text = await camkit(['inspect', MODEL_DIR, '--backend', 'cpu']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`score       ${spec.logits_node} (pre-softmax)`);
    expect(text.stdout).toMatch(/head {8}other: cam does not apply/);
    expect(text.stdout).toContain(`default     --layer ${MAXPOOL}`);
    expect(text.stdout).toMatch(
      new RegExp(`^\\*  ${MAXPOOL.replaceAll('/', '\\/')}\\s+\\[\\S+, 8, 8, 32\\]`, 'm'),
    );
    expect(text.stdout).toContain(
      'preprocess  unit (pixels / 255; default: no camkit.json beside the model)',
    );
  });

  it('reports the camkit.json preprocessing and class names beside a model', async () => {
    const dir = join(tmp(), 'm');
    cpSync(MODEL_DIR, dir, { recursive: true });
    const meta = { version: 1, classNames: ['spoof', 'live'], preprocess: 'imagenet' };
    writeFileSync(join(dir, 'camkit.json'), JSON.stringify(meta));
    const r = await camkit(['inspect', join(dir, 'model.json'), '--json', '--backend', 'cpu']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).preprocess).toEqual({
      mode: 'imagenet',
      source: 'camkit.json',
      file: join(dir, 'camkit.json'),
      classNames: ['spoof', 'live'],
    });
  });
});

describe('camkit explain + evaluate on a graph model', () => {
  let run: string;
  beforeAll(async () => {
    run = join(tmp(), 'run');
    const r = await camkit([
      'explain',
      ...['--model', MODEL, '--images', IMAGES],
      ...['--method', 'gradcam,guided-backprop', '--classes', 'all', '--out', run],
    ]);
    expect(r.code, r.stderr).toBe(0);
  });

  it('writes maps equal to pytorch-grad-cam’s at the default node, for every image and class', () => {
    const manifest = ManifestSchema.parse(JSON.parse(readFileSync(join(run, 'manifest.json'), 'utf8')));
    expect(manifest.models[0]).toMatchObject({
      inputSize: [32, 32],
      channels: 3,
      classNames: ['class0', 'class1'],
    });
    expect(manifest.images.map((i) => i.id)).toEqual(STEMS);
    expect(manifest.outputs).toHaveLength(STEMS.length * 2 * 2);
    for (const o of manifest.outputs) if (o.method === 'gradcam') expect(o.layer).toBe(MAXPOOL);
    for (const img of manifest.images) {
      const p = img.predictions.model;
      expect(p.predicted).toBe(PREDICTED[img.id].argmax);
      expect(relDiff(p.probabilities, PREDICTED[img.id].probabilities, false)).toBeLessThan(1e-4);
    }
    for (const stem of STEMS) {
      for (const k of [0, 1]) {
        const ref = join(FIX, 'refs', 'liveness', stem);
        const gray = npy(join(run, stem, 'gradcam', `c${k}.npy`));
        expect(gray.shape).toEqual([32, 32]);
        const want = npy(join(ref, 'gradcam', slug(MAXPOOL), `c${k}.npy`));
        expect(relDiff(gray.data, want.data, false), `${stem} gradcam c${k}`).toBeLessThan(1e-3);
        const guided = npy(join(run, stem, 'guided-backprop', `c${k}.npy`));
        expect(guided.shape).toEqual([32, 32, 3]);
        const gWant = npy(join(ref, 'guided-backprop', `c${k}.npy`));
        expect(relDiff(guided.data, gWant.data, true), `${stem} guided c${k}`).toBeLessThan(1e-3);
      }
    }
  });

  it('bundles the model.json and every weight shard its manifest names into the run', () => {
    const json = JSON.parse(readFileSync(MODEL, 'utf8'));
    const files = ['model.json', ...json.weightsManifest.flatMap((g: { paths: string[] }) => g.paths)];
    expect(files).toContain('liveness.bin');
    for (const f of files) {
      expect(readFileSync(join(run, 'models', 'model', f))).toEqual(readFileSync(join(MODEL_DIR, f)));
    }
  });

  it('takes a node name for --layer', async () => {
    const out = join(tmp(), 'relu');
    const stem = STEMS[0];
    const r = await camkit([
      'explain',
      ...['--model', MODEL, '--images', join(IMAGES, `${stem}.png`), '--layer', RELU],
      ...['--method', 'gradcam', '--classes', '1', '--out', out],
    ]);
    expect(r.code, r.stderr).toBe(0);
    const got = npy(join(out, stem, 'gradcam', 'c1.npy'));
    const want = npy(join(FIX, 'refs', 'liveness', stem, 'gradcam', slug(RELU), 'c1.npy'));
    expect(relDiff(got.data, want.data, false)).toBeLessThan(1e-3);
  });

  it('evaluate scores the bundled model on folder-per-class images', async () => {
    // Half the photos filed under each class: accuracy and confusion follow from the reference argmax.
    const data = join(tmp(), 'data');
    const labels = STEMS.map((_, i) => (i < STEMS.length / 2 ? 0 : 1));
    STEMS.forEach((stem, i) => {
      mkdirSync(join(data, `class${labels[i]}`), { recursive: true });
      cpSync(join(IMAGES, `${stem}.png`), join(data, `class${labels[i]}`, `${stem}.png`));
    });
    const out = join(tmp(), 'metrics');
    const r = await camkit([
      'evaluate',
      ...['--model', join(run, 'models', 'model', 'model.json'), '--data', data],
      ...['--methods', 'gradcam', '--steps', '4', '--out', out],
    ]);
    expect(r.code, r.stderr).toBe(0);
    const metrics = MetricsSchema.parse(JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')));
    const confusion = [
      [0, 0],
      [0, 0],
    ];
    STEMS.forEach((stem, i) => {
      confusion[labels[i]][PREDICTED[stem].argmax]++;
    });
    expect(metrics.models[0].confusion).toEqual(confusion);
    expect(metrics.models[0].accuracy).toBeCloseTo((confusion[0][0] + confusion[1][1]) / STEMS.length, 6);
    expect(metrics.methods.map((m) => m.method)).toEqual(['gradcam']);
    expect(metrics.methods[0].deletionAuc).toBeGreaterThanOrEqual(0);
  });
});

describe('camkit explain with signed ([-1, 1]) preprocessing from camkit.json', () => {
  it('feeds 2·pixels/255 − 1: probabilities equal tfjs GraphModel.execute on that input', async () => {
    const dir = join(tmp(), 'signed');
    cpSync(MODEL_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'camkit.json'), JSON.stringify({ version: 1, preprocess: 'signed' }));
    const out = join(tmp(), 'signed-run');
    const r = await camkit([
      'explain',
      ...['--model', join(dir, 'model.json'), '--images', IMAGES, '--method', 'gradcam', '--out', out],
    ]);
    expect(r.code, r.stderr).toBe(0);
    const manifest = ManifestSchema.parse(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    expect(manifest.models[0].preprocess).toBe('signed');

    // The reference: tfjs-converter's own GraphModel on the fixture's exact [0, 1] inputs mapped
    // by hand, on tfjs's cpu backend (the CLI ran camkit's graph interpreter on wasm).
    const json = JSON.parse(readFileSync(MODEL, 'utf8'));
    const bin = readFileSync(join(MODEL_DIR, 'liveness.bin'));
    await tf.setBackend('cpu');
    const gm = await tf.loadGraphModel({
      load: async () => ({
        modelTopology: json.modelTopology,
        format: 'graph-model',
        weightSpecs: json.weightsManifest.flatMap((g: { weights: unknown[] }) => g.weights),
        weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
      }),
    });
    const before = tf.memory().numTensors;
    let differsFromUnit = 0;
    for (const img of manifest.images) {
      const unit = npy(join(IMAGES, `${img.id}.npy`));
      const x = tf.tensor4d(
        Float32Array.from(unit.data, (v) => 2 * v - 1),
        [1, 32, 32, 3],
      );
      const y = gm.execute(x) as tf.Tensor;
      const want = Array.from(await y.data());
      tf.dispose([x, y]);
      expect(relDiff(img.predictions.model.probabilities, want, false), img.id).toBeLessThan(1e-4);
      differsFromUnit = Math.max(differsFromUnit, relDiff(want, PREDICTED[img.id].probabilities, false));
    }
    expect(tf.memory().numTensors).toBe(before);
    gm.dispose();
    // The mapping matters on these photos: pixels/255 would have given other probabilities.
    expect(differsFromUnit).toBeGreaterThan(1e-2);
  });
});

describe('camkit on a broken graph model', () => {
  const img = join(IMAGES, `${STEMS[0]}.png`);
  /** A copy of the fixture model, changed by `edit`; returns its model.json. */
  function brokenCopy(name: string, edit: (dir: string, json: any) => void): string {
    const dir = join(tmp(), name);
    cpSync(MODEL_DIR, dir, { recursive: true });
    const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    edit(dir, json);
    writeFileSync(join(dir, 'model.json'), JSON.stringify(json, null, 2));
    return join(dir, 'model.json');
  }
  const setOp = (json: any, node: string, op: string) => {
    json.modelTopology.node.find((n: { name: string }) => n.name === node).op = op;
  };
  const cases: [string, (dir: string, json: any) => void, RegExp][] = [
    [
      'missing shard',
      (dir) => rmSync(join(dir, 'liveness.bin')),
      /weight file \(listed in .*model\.json\) not found: .*liveness\.bin$/,
    ],
    ['truncated shard', (dir) => truncateSync(join(dir, 'liveness.bin'), 1000), /model\.json: .*bytes/],
    [
      'unknown op',
      (_, json) => setOp(json, RELU, 'NoSuchOp'),
      /model\.json: node '.*activation_3\/Relu' has op NoSuchOp/,
    ],
    [
      'control flow',
      (_, json) => setOp(json, MAXPOOL, 'Switch'),
      /model\.json: node '.*max_pooling2d_2\/MaxPool' uses control flow \(op Switch\)/,
    ],
    [
      'neither format',
      (_, json) => {
        json.format = 'onnx-model';
      },
      /model\.json: .*onnx-model/,
    ],
  ];
  it.each(cases)('%s: one line naming the file, exit 1, nothing written', async (name, edit, message) => {
    const model = brokenCopy(name.replace(' ', '-'), edit);
    const out = join(tmp(), 'out');
    const r = await camkit(['explain', '--model', model, '--images', img, '--out', out]);
    const line = errorLine(r);
    expect(r.code).toBe(1);
    expect(line).toContain(model);
    expect(line).toMatch(message);
    // Never the topology: short, and no JSON of nodes or attributes.
    expect(line.length).toBeLessThan(400);
    expect(line).not.toMatch(/[{}]|"op"|"attr"/);
    expect(existsSync(out)).toBe(false);
    const inspect = await camkit(['inspect', model, '--backend', 'cpu']);
    expect(errorLine(inspect)).toMatch(message);
  });
});
