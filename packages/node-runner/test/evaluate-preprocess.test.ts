import '@tensorflow/tfjs-backend-cpu';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { camNet, MetricsSchema } from '@camkit/core';
import { saveModel } from '@camkit/core/node';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededInit } from '../src/train/seeded-init.js';
import { camkit, tmp } from './run-cli.js';

/** A size×size PNG whose every byte is `value` (a flat gray: its luma is itself). */
async function flatPng(file: string, size: number, value: number): Promise<void> {
  const raw = { raw: { width: size, height: size, channels: 3 as const } };
  writeFileSync(
    file,
    await sharp(Buffer.alloc(size * size * 3, value), raw)
      .png()
      .toBuffer(),
  );
}

/** DIR/class0/a.png and DIR/class1/a.png, flat grays of the given byte values. */
async function twoClassFolder(size: number, values: [number, number]): Promise<string> {
  const dir = join(tmp(), 'data');
  for (const k of [0, 1]) {
    mkdirSync(join(dir, `class${k}`), { recursive: true });
    await flatPng(join(dir, `class${k}`, 'a.png'), size, values[k]);
  }
  return dir;
}

const metricsOf = (dir: string) =>
  MetricsSchema.parse(JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8')));

// Each test spawns the CLI once or twice: seconds on an idle box, minutes on a loaded one.
const TIMEOUT = 300_000;

describe('camkit evaluate feeds models as explain does', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it(
    "applies camkit.json's preprocessing: accuracy and confusion follow the hand-worked logits",
    async () => {
      // GAP → Dense with logits [mean of channel 0, 0.2]. A flat image of byte 102 (0.4) scores
      // [0.4, 0.2] → class 0 on [0, 1] input but [2·0.4 − 1, 0.2] = [−0.2, 0.2] → class 1 in [-1, 1];
      // byte 230 (0.902) is class 0 either way ([0.902 | 0.804, 0.2]).
      const model = tfl.sequential({
        layers: [
          tfl.layers.globalAveragePooling2d({ inputShape: [4, 4, 3], dataFormat: 'channelsLast' }),
          tfl.layers.dense({ units: 2, activation: 'softmax' }),
        ],
      });
      const kernel = tf.tensor2d([1, 0, 0, 0, 0, 0], [3, 2]);
      const bias = tf.tensor1d([0, 0.2]);
      model.layers[1].setWeights([kernel, bias]);
      tf.dispose([kernel, bias]);
      const dir = join(tmp(), 'gap');
      await saveModel(model, dir);
      model.dispose();
      const data = await twoClassFolder(4, [230, 102]);
      const ev = ['evaluate', '--model', join(dir, 'model.json'), '--data', data, '--backend', 'cpu'];

      const unitOut = join(tmp(), 'm-unit');
      const unit = await camkit([...ev, '--out', unitOut]);
      expect(unit.code, unit.stderr).toBe(0);
      expect(metricsOf(unitOut).models[0].confusion).toEqual([
        [1, 0],
        [1, 0],
      ]);

      writeFileSync(join(dir, 'camkit.json'), JSON.stringify({ version: 1, preprocess: 'signed' }));
      const out = join(tmp(), 'm-signed');
      const signed = await camkit([...ev, '--out', out]);
      expect(signed.code, signed.stderr).toBe(0);
      const m = metricsOf(out).models[0];
      expect(m.confusion).toEqual([
        [1, 0],
        [0, 1],
      ]);
      expect(m.accuracy).toBe(1);
    },
    TIMEOUT,
  );

  it(
    'feeds a gray model its --baseline image in gray: the deletion curve ends at p(baseline)',
    async () => {
      const gray = camNet({ inputSize: 8, channels: 1, filters: [2], numClasses: 2, name: 'g' });
      seededInit(gray, 3);
      const dir = join(tmp(), 'gray');
      await saveModel(gray, dir);
      const data = await twoClassFolder(8, [100, 150]);
      const base = join(tmp(), 'base.png');
      await flatPng(base, 8, 30);
      const out = join(tmp(), 'm');
      const r = await camkit([
        ...['evaluate', '--model', join(dir, 'model.json'), '--data', data, '--baseline', base],
        ...['--methods', 'gradcam', '--steps', '4', '--backend', 'cpu', '--out', out],
      ]);
      expect(r.code, r.stderr).toBe(0);
      const curve = metricsOf(out).methods[0].deletionCurve!;
      expect(curve).toHaveLength(5);

      // The reference: the model here, on the flat gray inputs, at its predicted class per image.
      const before = tf.memory().numTensors;
      const probs = (v: number) =>
        tf.tidy(() => (gray.predict(tf.fill([1, 8, 8, 1], v / 255)) as tf.Tensor).dataSync());
      const [p0, p1, pb] = [probs(100), probs(150), probs(30)];
      const pred = [p0, p1].map((p) => (p[1] > p[0] ? 1 : 0));
      expect(curve[0]).toBeCloseTo((p0[pred[0]] + p1[pred[1]]) / 2, 4);
      expect(curve[4]).toBeCloseTo((pb[pred[0]] + pb[pred[1]]) / 2, 4);
      expect(tf.memory().numTensors).toBe(before);
      gray.dispose();
    },
    TIMEOUT,
  );
});
