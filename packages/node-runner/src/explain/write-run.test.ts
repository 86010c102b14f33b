import '@tensorflow/tfjs-backend-cpu';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { camNet, ManifestSchema, type Method, type ModelEntry } from '@camkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Log } from '../log.js';
import { seededInit } from '../train/seeded-init.js';
import { batchesOf, explainBatch, finishRun, type RunImage, writeExplainRun } from './write-run.js';

const silent: Log = { info: () => {}, warn: () => {} };
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'camkit-write-run-'));
  dirs.push(d);
  return d;
};

function image(id: string, k: number): RunImage {
  const rgb = Uint8Array.from({ length: 8 * 8 * 3 }, (_, i) => (i * 37 + k * 101) % 256);
  return {
    id,
    rgb,
    width: 8,
    height: 8,
    input: async () => Float32Array.from(rgb, (v) => v / 255),
  };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('writeExplainRun / explainBatch', () => {
  const entry: ModelEntry = {
    id: 'm',
    path: 'model.json',
    inputSize: [8, 8],
    channels: 3,
    classNames: ['a', 'b'],
    preprocess: 'unit',
  };
  const base = { classes: 'all' as const, colormap: 'jet' as const, alpha: 0.5, saveRaw: false };

  it('leaks no tensors, and batch results assembled by finishRun equal the whole run', async () => {
    const model = camNet({ inputSize: 8, filters: [2, 3], numClasses: 2 });
    seededInit(model, 3);
    const models = [{ entry, model, methods: ['gradcam', 'smoothgrad'] as Method[] }];
    const images = ['p', 'q', 'r'].map(image);
    const before = tf.memory().numTensors;
    const whole = await writeExplainRun({
      ...base,
      outDir: tmp(),
      images,
      models,
      batchSize: 2,
      log: silent,
    });
    const outDir = tmp();
    const parts = [];
    // Batches out of order, as worker threads may finish them: the assembled manifest is the same.
    const batches = batchesOf(images, 2);
    expect(batches.map((b) => b.map((i) => i.id))).toEqual([['p', 'q'], ['r']]);
    parts[1] = await explainBatch({ ...base, outDir, models }, batches[1]);
    parts[0] = await explainBatch({ ...base, outDir, models }, batches[0]);
    expect(tf.memory().numTensors).toBe(before);
    const assembled = finishRun({ ...base, outDir, models, createdAt: whole.createdAt }, parts);
    expect(assembled).toEqual(whole);
    expect(ManifestSchema.parse(JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')))).toEqual(
      whole,
    );
    // Outputs: batch by batch, method by method within a batch, image by image within a method.
    expect(whole.outputs.map((o) => `${o.image}/${o.method}/c${o.classIndex}`)).toEqual([
      ...['p/gradcam/c0', 'p/gradcam/c1', 'q/gradcam/c0', 'q/gradcam/c1'],
      ...['p/smoothgrad/c0', 'p/smoothgrad/c1', 'q/smoothgrad/c0', 'q/smoothgrad/c1'],
      ...['r/gradcam/c0', 'r/gradcam/c1', 'r/smoothgrad/c0', 'r/smoothgrad/c1'],
    ]);
    model.dispose();
  });
});
