import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linkRunFile, presentRunFiles } from './link-run-file.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'camkit-link-run-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

// Hand-written: the smallest manifest core's schema accepts, with no optional run files.
const manifest = {
  version: 1,
  createdAt: '2026-12-01T00:00:00Z',
  models: [{ id: 'm', path: 'model.json', inputSize: [8, 8], classNames: ['a', 'b'] }],
  images: [],
  outputs: [],
};
const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

describe('presentRunFiles', () => {
  it('names exactly the optional files that exist', () => {
    const dir = tmp();
    expect(presentRunFiles(dir)).toEqual({ history: null, metrics: null });
    writeFileSync(join(dir, 'history.json'), '{}');
    expect(presentRunFiles(dir)).toEqual({ history: 'history.json', metrics: null });
    writeFileSync(join(dir, 'metrics.json'), '{}');
    expect(presentRunFiles(dir)).toEqual({ history: 'history.json', metrics: 'metrics.json' });
  });
});

describe('linkRunFile', () => {
  it('adds the file to an existing manifest and keeps everything else', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    linkRunFile(dir, 'metrics');
    const m = read(dir);
    expect(m.metrics).toBe('metrics.json');
    expect(m.history).toBeNull();
    expect(m.createdAt).toBe(manifest.createdAt);
    expect(m.models[0].classNames).toEqual(['a', 'b']);
    linkRunFile(dir, 'history');
    expect(read(dir)).toMatchObject({ history: 'history.json', metrics: 'metrics.json' });
  });

  it('writes nothing where there is no manifest', () => {
    const dir = tmp();
    linkRunFile(dir, 'metrics');
    expect(() => readFileSync(join(dir, 'manifest.json'))).toThrow(/ENOENT/);
  });
});
