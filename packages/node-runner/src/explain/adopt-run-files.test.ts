import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adoptRunFiles } from './adopt-run-files.js';

const quiet = { info: () => {}, warn: () => {} };

describe('adoptRunFiles', () => {
  it("copies the training run's history and metrics into another --out, never over its own", () => {
    const root = mkdtempSync(join(tmpdir(), 'camkit-adopt-'));
    const train = join(root, 'train');
    const out = join(root, 'maps');
    mkdirSync(train);
    mkdirSync(out);
    writeFileSync(join(train, 'model.json'), '{}');
    writeFileSync(join(train, 'history.json'), '{"epochs":[]}');
    writeFileSync(join(train, 'metrics.json'), '{"m":1}');
    writeFileSync(join(out, 'metrics.json'), '{"own":true}');
    expect(adoptRunFiles(join(train, 'model.json'), out, quiet)).toEqual(['history.json']);
    expect(readFileSync(join(out, 'history.json'), 'utf8')).toBe('{"epochs":[]}');
    expect(readFileSync(join(out, 'metrics.json'), 'utf8')).toBe('{"own":true}');
    // Explaining into the training run itself copies nothing.
    expect(adoptRunFiles(join(train, 'model.json'), train, quiet)).toEqual([]);
  });
});
