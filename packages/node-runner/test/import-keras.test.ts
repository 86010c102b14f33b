import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '@camkit/core/node';
import { camkit, errorLine, tmp } from './run-cli.js';

const SCRIPT = fileURLToPath(new URL('./fixtures/make_keras_h5.py', import.meta.url));

describe('camkit import-keras', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tmp();
    // Debian's python3 carries python3-h5py (scripts/test-env.mjs installs it); a pyenv python3
    // earlier on PATH may not, so ask for /usr/bin/python3 explicitly.
    execFileSync('/usr/bin/python3', [SCRIPT, dir], { stdio: 'inherit' });
    await tf.setBackend('cpu');
  });

  for (const name of ['gap', 'flatten']) {
    it(`converts ${name}.h5 and predicts what the numpy forward pass predicts`, async () => {
      const out = join(dir, `${name}-tfjs`);
      const r = await camkit(['import-keras', join(dir, `${name}.h5`), '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8'));
      const model = await loadModel(join(out, 'model.json'));
      const before = tf.memory().numTensors;
      const y = tf.tidy(() => model.predict(tf.tensor(expected.input, expected.shape)) as tf.Tensor);
      const got = Array.from(await y.data());
      y.dispose();
      expect(tf.memory().numTensors).toBe(before);
      expect(got).toHaveLength(expected.output.length);
      got.forEach((v, i) => {
        expect(v).toBeCloseTo(expected.output[i], 5);
      });
      const meta = JSON.parse(readFileSync(join(out, 'camkit.json'), 'utf8'));
      expect(meta.inputSize).toEqual([8, 8]);
      model.dispose();
    });
  }

  it('refuses unsupported layers, listing what is supported, and a non-HDF5 file', async () => {
    const r = await camkit(['import-keras', join(dir, 'unsupported.h5'), '--out', join(dir, 'u')]);
    expect(errorLine(r)).toMatch(/unsupported layer type\(s\) LSTM \(supported: InputLayer, Conv2D, Dense/);
    const n = await camkit(['import-keras', SCRIPT, '--out', join(dir, 'n')]);
    expect(errorLine(n)).toMatch(/make_keras_h5\.py: not an HDF5 file/);
  });
});
