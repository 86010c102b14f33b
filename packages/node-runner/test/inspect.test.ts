import '@tensorflow/tfjs-backend-cpu';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { camNet } from '@camkit/core';
import { saveModel } from '@camkit/core/node';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { camkit, errorLine, tmp } from './run-cli.js';

describe('camkit inspect on a Layers model', () => {
  let dir: string;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    dir = join(tmp(), 'camnet');
    const model = camNet({ inputSize: [12, 20], channels: 1, filters: [3, 5], numClasses: 4 });
    await saveModel(model, dir);
    model.dispose();
    const meta = { version: 1, classNames: ['a', 'b', 'c', 'd'], preprocess: 'unit' };
    writeFileSync(join(dir, 'camkit.json'), JSON.stringify(meta));
  });

  it('names the input, the softmax score, the GAP head, each conv with its parameters, the default', async () => {
    const r = await camkit(['inspect', join(dir, 'model.json'), '--json', '--backend', 'cpu']);
    expect(r.code, r.stderr).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info.format).toBe('layers-model');
    expect(info.input).toMatchObject({ shape: [null, 12, 20, 1], channels: 1, dtype: 'float32' });
    expect(info.numClasses).toBe(4);
    expect(info.score).toMatchObject({ activation: 'softmax', preActivation: true, binary: false });
    expect(info.head).toMatchObject({ kind: 'gap-dense', camApplies: true });
    // 3×3 convs: 9·in·out weights + out biases, counted by hand.
    const convs = info.candidates.filter((c: { op: string }) => c.op === 'Conv2D');
    expect(convs.map((c: { name: string; shape: unknown; params: number }) => [c.shape, c.params])).toEqual([
      [[null, 12, 20, 3], 9 * 1 * 3 + 3],
      [[null, 12, 20, 5], 9 * 3 * 5 + 5],
    ]);
    expect(info.defaultTarget).toBe(convs[1].name);
    expect(info.preprocess).toEqual({
      mode: 'unit',
      source: 'camkit.json',
      file: join(dir, 'camkit.json'),
      classNames: ['a', 'b', 'c', 'd'],
    });
    const text = await camkit(['inspect', dir, '--backend', 'cpu']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(
      /^input +\S+ \[null, 12, 20, 1\] float32, 1 channel\(s\) \(grayscale input\)$/m,
    );
    expect(text.stdout).toMatch(/^head +gap-dense: cam applies$/m);
    expect(text.stdout).toMatch(/^classes +4: a, b, c, d$/m);
    expect(text.stdout).toMatch(
      new RegExp(`^\\* +${convs[1].name} +\\[null, 12, 20, 5\\] +140 +Conv2D$`, 'm'),
    );
  });

  it('fails with one line for a missing model', async () => {
    const r = await camkit(['inspect', join(dir, 'nope.json')]);
    expect(errorLine(r)).toMatch(/^camkit: error: inspect .*nope\.json: model file not found: .*nope\.json$/);
  });
});
