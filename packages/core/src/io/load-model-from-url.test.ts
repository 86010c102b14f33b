import '@tensorflow/tfjs-backend-cpu';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as tfc from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_DIR } from '../../test/fixture-dir.js';
import { CamkitError } from '../errors.js';
import { loadModelFromUrl } from './load-model-from-url.js';
import { isGraphModel } from '../graph/is-graph-model.js';
import { GRAPH_MODELS_DIR } from '../../test/load-graph.js';

const DIR = `${FIXTURE_DIR}/models/dev-net`;
let server: Server;
let origin: string;
const requested: string[] = [];

beforeAll(async () => {
  await tfc.setBackend('cpu');
  // model.json under /models/dev/, its weights one level up in /shards/ (relative path resolution).
  const json = JSON.parse(readFileSync(`${DIR}/model.json`, 'utf8'));
  json.weightsManifest[0].paths = ['../../shards/w.bin'];
  const files: Record<string, Buffer> = {
    '/models/dev/model.json': Buffer.from(JSON.stringify(json)),
    '/shards/w.bin': readFileSync(`${DIR}/weights.bin`),
    '/bad/model.json': Buffer.from('<html>'),
    // A graph model, its shard beside it (the manifest path is relative).
    '/graph/model.json': readFileSync(`${GRAPH_MODELS_DIR}/emotion/model.json`),
    '/graph/emotion.bin': readFileSync(`${GRAPH_MODELS_DIR}/emotion/emotion.bin`),
  };
  server = createServer((req, res) => {
    requested.push(req.url!);
    const body = files[req.url!];
    res.statusCode = body ? 200 : 404;
    res.end(body ?? 'not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('loadModelFromUrl', () => {
  it('fetches model.json and resolves weight paths against its URL', async () => {
    const model = await loadModelFromUrl(`${origin}/models/dev/model.json`);
    expect(requested).toContain('/shards/w.bin');
    expect(model.outputs[0].shape).toEqual([null, 3]);
    const x = tfc.zeros([1, 24, 24, 3]);
    const p = tfc.tidy(() => (model.predict(x) as tfc.Tensor).dataSync());
    x.dispose();
    expect(Array.from(p).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    model.dispose();
  });

  it('loads a graph model too (format: graph-model), weights fetched beside model.json', async () => {
    const model = await loadModelFromUrl(`${origin}/graph/model.json`);
    expect(requested).toContain('/graph/emotion.bin');
    expect(isGraphModel(model)).toBe(true);
    expect(model.inputs[0].shape).toEqual([-1, 64, 64, 1]);
    model.dispose();
  });

  it('names the URL that failed', async () => {
    await expect(loadModelFromUrl(`${origin}/missing/model.json`)).rejects.toThrow(
      `cannot fetch ${origin}/missing/model.json: HTTP 404`,
    );
    await expect(loadModelFromUrl(`${origin}/bad/model.json`)).rejects.toThrow(
      /bad\/model\.json: invalid JSON/,
    );
    await expect(loadModelFromUrl('relative/model.json')).rejects.toThrow(CamkitError);
  });
});
