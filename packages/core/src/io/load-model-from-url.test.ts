import '@tensorflow/tfjs-backend-cpu';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as tfc from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_DIR } from '../../test/fixture-dir.js';
import { CamkitError } from '../errors.js';
import { loadModelFromUrl } from './load-model-from-url.js';

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
