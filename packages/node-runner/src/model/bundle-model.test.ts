import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleModel, isInside } from './bundle-model.js';

function fakeModel(dir: string, paths: string[]): string {
  mkdirSync(dir, { recursive: true });
  const json = { modelTopology: {}, weightsManifest: [{ paths, weights: [] }] };
  writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
  for (const p of paths) if (!p.includes('..')) writeFileSync(join(dir, p), Uint8Array.of(1, 2, 3));
  return join(dir, 'model.json');
}

describe('bundleModel', () => {
  it('keeps a model already inside the run where it is, with a relative path', () => {
    const out = mkdtempSync(join(tmpdir(), 'camkit-bundle-'));
    const model = fakeModel(join(out, 'camnet'), ['weights.bin']);
    expect(bundleModel(model, out, 'camnet')).toBe('camnet/model.json');
    expect(existsSync(join(out, 'models'))).toBe(false);
  });

  it('copies model.json and every weight file of an outside model byte for byte', () => {
    const root = mkdtempSync(join(tmpdir(), 'camkit-bundle-'));
    const model = fakeModel(join(root, 'src'), ['a.bin', 'b.bin']);
    const out = join(root, 'run');
    expect(bundleModel(model, out, '../evil id')).toBe('models/.._evil_id/model.json');
    const dest = join(out, 'models', '.._evil_id');
    for (const f of ['model.json', 'a.bin', 'b.bin'])
      expect(readFileSync(join(dest, f))).toEqual(readFileSync(join(root, 'src', f)));
    expect(existsSync(join(dest, 'camkit.json'))).toBe(false);
  });

  it('copies sharded weights whose manifest paths are URL-encoded under their decoded names', () => {
    const root = mkdtempSync(join(tmpdir(), 'camkit-bundle-'));
    const dir = join(root, 'src');
    mkdirSync(dir);
    const json = {
      format: 'graph-model',
      weightsManifest: [{ paths: ['group1-shard1of2.bin', 'my%20shard2.bin'], weights: [] }],
    };
    writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
    writeFileSync(join(dir, 'group1-shard1of2.bin'), Uint8Array.of(1));
    writeFileSync(join(dir, 'my shard2.bin'), Uint8Array.of(2));
    const out = join(root, 'run');
    expect(bundleModel(join(dir, 'model.json'), out, 'g')).toBe('models/g/model.json');
    expect(readFileSync(join(out, 'models', 'g', 'my shard2.bin'))).toEqual(Buffer.of(2));
    expect(readFileSync(join(out, 'models', 'g', 'group1-shard1of2.bin'))).toEqual(Buffer.of(1));
  });

  it('refuses a weight path that leaves the model folder, writing nothing', () => {
    const root = mkdtempSync(join(tmpdir(), 'camkit-bundle-'));
    const model = fakeModel(join(root, 'src'), ['../outside.bin']);
    const out = join(root, 'run');
    expect(() => bundleModel(model, out, 'm')).toThrow(
      /weight path \.\.\/outside\.bin leaves the model folder/,
    );
    expect(existsSync(out)).toBe(false);
    const encoded = fakeModel(join(root, 'src2'), ['..%2Foutside.bin']);
    expect(() => bundleModel(encoded, out, 'm')).toThrow(
      /weight path \.\.%2Foutside\.bin leaves the model folder/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('tells inside from outside, including names that merely start with ..', () => {
    expect(isInside('/a/run', '/a/run/x/model.json')).toBe(true);
    expect(isInside('/a/run', '/a/run/..x/model.json')).toBe(true);
    expect(isInside('/a/run', '/a/other/model.json')).toBe(false);
    expect(isInside('/a/run', '/a/run-2/model.json')).toBe(false);
  });
});
