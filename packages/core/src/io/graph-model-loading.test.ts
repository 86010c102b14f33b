import '@tensorflow/tfjs-backend-cpu';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxAbsDiff } from '../../test/backends.js';
import { gapNet } from '../../test/tiny-models.js';
import { graphFromGapNet } from '../../test/tiny-graph.js';
import { CamkitError } from '../errors.js';
import { isGraphModel } from '../graph/is-graph-model.js';
import { loadModel } from './node/load-model.js';

const VENDORED = join(import.meta.dirname, '../../test/fixtures/graph-models');
let tmp: string;
beforeAll(async () => {
  await tf.setBackend('cpu');
  tmp = mkdtempSync(join(tmpdir(), 'camkit-graph-io-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function loadGraph(path: string): Promise<GraphModel> {
  const m = await loadModel(path);
  if (!isGraphModel(m)) throw new Error(`${path} did not load as a graph model`);
  return m;
}

/** The one-line CamkitError message loadModel rejects with; it never carries the topology. */
async function loadError(path: string): Promise<string> {
  const err = await loadModel(path).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CamkitError);
  const message = (err as Error).message;
  expect(message).not.toContain('\n');
  expect(message.length).toBeLessThan(400);
  expect(message).not.toMatch(/"node"|"attr"|modelTopology":|"class_name"/);
  return message;
}

function writeModel(dir: string, json: object, files: Record<string, Uint8Array>): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'model.json');
  writeFileSync(path, JSON.stringify(json));
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  return path;
}

/** The float value of IEEE 754 half-precision bits, decoded by hand. */
function half(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >> 10) & 0x1f;
  const frac = bits & 0x3ff;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}

describe('loading graph models', () => {
  it('dispatches on format: a graph model.json loads as a GraphModel, a Layers one as a LayersModel', async () => {
    const g = await loadGraph(join(VENDORED, 'emotion'));
    expect(g.inputs[0].shape).toEqual([-1, 64, 64, 1]);
    const net = gapNet({ size: 5, filters: [3], classes: 2 });
    expect(isGraphModel(net)).toBe(false);
    expect(isGraphModel(g)).toBe(true);
    g.dispose();
    net.dispose();
  });

  it('float16 weights are dequantized exactly (checked against hand-decoded half floats)', async () => {
    const dir = join(VENDORED, 'antispoof');
    const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    const bytes = readFileSync(join(dir, json.weightsManifest[0].paths[0]));
    const g = await loadGraph(dir);
    let at = 0;
    let checked = 0;
    for (const spec of json.weightsManifest[0].weights) {
      const count = spec.shape.reduce((a: number, b: number) => a * b, 1);
      const width = spec.quantization ? 2 : 4;
      if (spec.quantization?.dtype === 'float16') {
        const got = g.weights[spec.name][0].dataSync();
        for (let i = 0; i < count; i += Math.max(1, Math.floor(count / 97))) {
          expect(got[i]).toBe(Math.fround(half(bytes.readUInt16LE(at + 2 * i))));
          checked++;
        }
      }
      at += count * width;
    }
    expect(at).toBe(bytes.length);
    expect(checked).toBeGreaterThan(100);
    g.dispose();
  });

  it.each(['uint8', 'uint16'] as const)(
    '%s-quantized weights are min + scale·q, and the model runs',
    async (dtype) => {
      const net = gapNet({ size: 5, filters: [3, 4], classes: 3, seed: 4 });
      const { json, weights } = graphFromGapNet(net, { quantize: dtype });
      const path = writeModel(join(tmp, `q-${dtype}`), json, { 'weights.bin': weights });
      const g = await loadGraph(path);
      let at = 0;
      for (const spec of json.weightsManifest[0].weights) {
        const count = spec.shape.reduce((a, b) => a * b, 1);
        const got = g.weights[spec.name][0].dataSync();
        if (spec.quantization) {
          const q =
            dtype === 'uint8'
              ? weights.subarray(at, at + count)
              : new Uint16Array(weights.slice(at, at + 2 * count).buffer);
          const { min, scale } = spec.quantization;
          for (let i = 0; i < count; i++) expect(Math.abs(got[i] - (min + scale * q[i]))).toBeLessThan(1e-6);
          at += count * (dtype === 'uint8' ? 1 : 2);
        } else {
          at += count * 4;
        }
      }
      // Dequantized close to the float weights: same predictions within the quantization error.
      const x = tf.randomUniform([2, 5, 5, 3], 0, 1, 'float32', 3);
      const a = tf.tidy(() => (net.predict(x) as tf.Tensor).dataSync());
      const b = tf.tidy(() => (g.execute(x) as tf.Tensor).dataSync());
      expect(maxAbsDiff(a, b)).toBeLessThan(dtype === 'uint8' ? 5e-2 : 1e-3);
      x.dispose();
      g.dispose();
      net.dispose();
    },
  );

  it('reads several shards in manifest order; a missing or truncated shard is named', async () => {
    const src = join(VENDORED, 'emotion');
    const json = JSON.parse(readFileSync(join(src, 'model.json'), 'utf8'));
    const bytes = new Uint8Array(readFileSync(join(src, json.weightsManifest[0].paths[0])));
    const size = Math.ceil(bytes.length / 3);
    const names = [1, 2, 3].map((i) => `group1-shard${i}of3.bin`);
    const files = Object.fromEntries(names.map((n, i) => [n, bytes.slice(i * size, (i + 1) * size)]));
    const sharded = { ...json, weightsManifest: [{ ...json.weightsManifest[0], paths: names }] };
    const dir = join(tmp, 'shards');
    const path = writeModel(dir, sharded, files);
    const one = await loadGraph(src);
    const three = await loadGraph(path);
    const x = tf.randomUniform([1, 64, 64, 1], 0, 1, 'float32', 1);
    const pa = tf.tidy(() => (one.execute(x) as tf.Tensor).dataSync());
    const pb = tf.tidy(() => (three.execute(x) as tf.Tensor).dataSync());
    expect(Array.from(pb)).toEqual(Array.from(pa));
    x.dispose();
    one.dispose();
    three.dispose();

    writeFileSync(join(dir, names[1]), files[names[1]].subarray(0, size - 10));
    expect(await loadError(path)).toMatch(
      new RegExp(`^${path}: weight file 'group1-shard2of3\\.bin' is ${size - 10} bytes; .*truncated`),
    );
    rmSync(join(dir, names[1]));
    expect(await loadError(path)).toMatch(
      /weight file \(listed in .*model\.json\) not found: .*group1-shard2of3\.bin$/,
    );
  });

  it('control flow and unknown ops: one line naming the file, the node and the op', async () => {
    const net = gapNet({ size: 5, filters: [3], classes: 2 });
    const { json, weights } = graphFromGapNet(net);
    const nodes = json.modelTopology.node;
    const conv = nodes.find((n) => n.op === '_FusedConv2D')!;
    conv.op = 'Switch';
    let path = writeModel(join(tmp, 'cf'), json, { 'weights.bin': weights });
    expect(await loadError(path)).toBe(
      `${path}: node '${conv.name}' uses control flow (op Switch); camkit explains feed-forward graphs only`,
    );
    conv.op = 'StatelessWhile';
    path = writeModel(join(tmp, 'cf2'), json, { 'weights.bin': weights });
    expect(await loadError(path)).toMatch(/node '.*' uses control flow \(op StatelessWhile\)/);
    conv.op = 'FancyNewOp';
    path = writeModel(join(tmp, 'unknown'), json, { 'weights.bin': weights });
    expect(await loadError(path)).toBe(
      `${path}: node '${conv.name}' has op FancyNewOp, which camkit cannot run or differentiate`,
    );
    net.dispose();
  });

  it('a model.json that is neither format, or broken JSON: one line naming the file', async () => {
    let path = writeModel(
      join(tmp, 'neither'),
      { modelTopology: { layers: [1, 2, 3] }, weightsManifest: [] },
      {},
    );
    expect(await loadError(path)).toBe(
      `${path}: not a TensorFlow.js model: its modelTopology is neither a 'layers-model' nor a 'graph-model'`,
    );
    path = writeModel(join(tmp, 'broken'), {}, {});
    writeFileSync(path, '{"format": "graph-model", "modelTopology": {"node": [');
    expect(await loadError(path)).toMatch(new RegExp(`^${path}: invalid JSON`));
    // A Keras config tfjs cannot parse: tfjs's own message would print the whole topology.
    const big = {
      className: 'Sequential',
      config: { layers: Array.from({ length: 50 }, (_, i) => ({ weird: i })) },
    };
    path = writeModel(
      join(tmp, 'improper'),
      {
        format: 'layers-model',
        modelTopology: { model_config: big, class_name: 'Sequential', config: big.config },
        weightsManifest: [],
      },
      {},
    );
    expect(await loadError(path)).toBe(
      `${path}: cannot build the model (the topology is not a valid Keras model config)`,
    );
  });
});
