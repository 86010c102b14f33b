import '@tensorflow/tfjs-backend-cpu';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { camNet, explain, ManifestSchema, parseNpy, Rng } from '@camkit/core';
import { saveModel } from '@camkit/core/node';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededInit } from '../src/train/seeded-init.js';
import { camkit, errorLine, tmp } from './run-cli.js';

/** A seeded-noise RGB PNG of the given size; returns its path and its pixels / 255 (float64). */
async function noisePng(file: string, h: number, w: number, seed: number) {
  const rng = new Rng(seed);
  const px = Buffer.alloc(h * w * 3);
  for (let i = 0; i < px.length; i++) px[i] = Math.floor(rng.next() * 256);
  const raw = { raw: { width: w, height: h, channels: 3 as const } };
  writeFileSync(file, await sharp(px, raw).png().toBuffer());
  return Float64Array.from(px, (v) => v / 255);
}

/** The map core's explain gives for pixels [h, w, c] on the cpu backend (the reference path). */
async function referenceMap(model: tfl.LayersModel, x: Float64Array, shape: [number, number, number]) {
  const xs = tf.tensor4d(Float32Array.from(x), [1, ...shape]);
  const res = await explain(model, xs, { method: 'gradcam', targets: [1] });
  xs.dispose();
  return res.heatmaps[0].map;
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

describe('camkit explain: single-channel and free-size models', () => {
  let root: string;
  let gray: tfl.LayersModel;
  let free: tfl.LayersModel;
  const pixels: Record<string, Float64Array> = {};
  beforeAll(async () => {
    await tf.setBackend('cpu');
    root = tmp();
    gray = camNet({ inputSize: 16, channels: 1, filters: [3, 4], numClasses: 2, name: 'gray' });
    seededInit(gray, 5);
    await saveModel(gray, join(root, 'gray'));
    free = camNet({ inputSize: null, filters: [3, 4], numClasses: 2, name: 'free' });
    seededInit(free, 6);
    await saveModel(free, join(root, 'free'));
    mkdirSync(join(root, 'images'));
    pixels.a = await noisePng(join(root, 'images', 'a.png'), 16, 16, 1);
    pixels.b = await noisePng(join(root, 'images', 'b.png'), 12, 20, 2);
  });

  it('feeds a 1-channel model the BT.601 gray image and writes its maps', async () => {
    const out = join(tmp(), 'run');
    const r = await camkit([
      'explain',
      ...['--model', join(root, 'gray', 'model.json'), '--images', join(root, 'images', 'a.png')],
      ...['--method', 'gradcam,guided-backprop', '--classes', '1', '--backend', 'cpu', '--out', out],
    ]);
    expect(r.code, r.stderr).toBe(0);
    const manifest = ManifestSchema.parse(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    expect(manifest.models[0]).toMatchObject({ channels: 1, inputSize: [16, 16] });
    // The reference gray input, computed here in float64 from the PNG's own pixels.
    const rgb = pixels.a;
    const g = new Float64Array(16 * 16).map(
      (_, i) => 0.299 * rgb[3 * i] + 0.587 * rgb[3 * i + 1] + 0.114 * rgb[3 * i + 2],
    );
    const want = await referenceMap(gray, g, [16, 16, 1]);
    const got = parseNpy(readFileSync(join(out, 'a', 'gradcam', 'c1.npy')));
    expect(got.shape).toEqual([16, 16]);
    expect(maxDiff(got.data, want)).toBeLessThan(1e-4);
    // Guided backprop has the model's one input channel.
    expect(parseNpy(readFileSync(join(out, 'a', 'guided-backprop', 'c1.npy'))).shape).toEqual([16, 16, 1]);
  });

  it('refuses imagenet preprocessing for a gray model and a --input-size a fixed model cannot take', async () => {
    const out = join(tmp(), 'run');
    const img = join(root, 'images', 'a.png');
    const model = join(root, 'gray', 'model.json');
    const pre = await camkit([
      'explain',
      '--model',
      model,
      '--images',
      img,
      '--preprocess',
      'imagenet',
      '--out',
      out,
    ]);
    expect(errorLine(pre)).toMatch(/--preprocess imagenet: .* one \(gray\) channel/);
    const size = await camkit([
      'explain',
      '--model',
      model,
      '--images',
      img,
      '--input-size',
      '32',
      '--out',
      out,
    ]);
    expect(errorLine(size)).toMatch(/--input-size 32: the model at .* takes 16×16 only/);
  });

  it('feeds a free-size model each image at its own size, or at --input-size', async () => {
    const out = join(tmp(), 'run');
    const args = ['--model', join(root, 'free', 'model.json'), '--images', join(root, 'images')];
    const r = await camkit(['explain', ...args, '--classes', '1', '--backend', 'cpu', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const a = parseNpy(readFileSync(join(out, 'a', 'gradcam', 'c1.npy')));
    const b = parseNpy(readFileSync(join(out, 'b', 'gradcam', 'c1.npy')));
    expect(a.shape).toEqual([16, 16]);
    expect(b.shape).toEqual([12, 20]);
    expect(maxDiff(b.data, await referenceMap(free, pixels.b, [12, 20, 3]))).toBeLessThan(1e-4);
    const manifest = ManifestSchema.parse(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    expect(manifest.images.map((i) => i.id).sort()).toEqual(['a', 'b']);

    const out8 = join(tmp(), 'run8');
    const r8 = await camkit([
      'explain',
      ...args,
      '--input-size',
      '8',
      '--classes',
      '0',
      '--backend',
      'cpu',
      '--out',
      out8,
    ]);
    expect(r8.code, r8.stderr).toBe(0);
    expect(parseNpy(readFileSync(join(out8, 'b', 'gradcam', 'c0.npy'))).shape).toEqual([8, 8]);

    // evaluate has no per-image size: a free-size model needs --input-size, and then runs at it.
    const data = join(tmp(), 'data');
    for (const k of [0, 1]) {
      mkdirSync(join(data, `class${k}`), { recursive: true });
      writeFileSync(join(data, `class${k}`, 'a.png'), readFileSync(join(root, 'images', 'a.png')));
    }
    const ev = ['evaluate', '--model', join(root, 'free', 'model.json'), '--data', data, '--backend', 'cpu'];
    expect(errorLine(await camkit([...ev, '--out', join(tmp(), 'm0')]))).toMatch(
      /input size is not fixed; pass --input-size/,
    );
    const m = join(tmp(), 'm');
    const okRun = await camkit([...ev, '--input-size', '8', '--methods', 'gradcam', '--out', m]);
    expect(okRun.code, okRun.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(m, 'metrics.json'), 'utf8')).models[0].count).toBe(2);
  });
});
