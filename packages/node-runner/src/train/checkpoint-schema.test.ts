import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCheckpoint } from './checkpoint.js';

const valid = {
  version: 1,
  epochsDone: 2,
  rngState: 12345,
  config: { seed: 0 },
  history: {
    epochs: [{ epoch: 0, loss: 1, accuracy: 0.5, valLoss: null, valAccuracy: null, seconds: 1, lr: 0.003 }],
  },
  weights: { file: 'checkpoint/weights-e2.bin', specs: [{ name: 'w', shape: [2, 2], dtype: 'float32' }] },
  optimizer: { file: 'checkpoint/optimizer-e2.bin', specs: [] },
};

describe('readCheckpoint', () => {
  it('reads a checkpoint.json through its schema, or null when there is none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'camkit-ck-'));
    expect(readCheckpoint(dir)).toBeNull();
    writeFileSync(join(dir, 'checkpoint.json'), JSON.stringify(valid));
    expect(readCheckpoint(dir)).toMatchObject({ epochsDone: 2, rngState: 12345 });
    // Fields the trainer adds per epoch survive the read (a resume rewrites the history from it).
    expect(readCheckpoint(dir)?.history.epochs[0]).toMatchObject({ lr: 0.003 });
  });

  it('names the file and the field that is wrong, on one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'camkit-ck-'));
    const file = join(dir, 'checkpoint.json');
    writeFileSync(file, JSON.stringify({ ...valid, epochsDone: -1 }));
    expect(() => readCheckpoint(dir)).toThrow(new RegExp(`^${file}: invalid epochsDone: [^\\n]+$`));
    writeFileSync(file, JSON.stringify({ ...valid, weights: { file: 'x.bin' } }));
    expect(() => readCheckpoint(dir)).toThrow(new RegExp(`^${file}: invalid weights\\.specs: `));
  });
});
