import { describe, expect, it } from 'vitest';
import { parseManifest } from './schema.js';

// Hand-written: the smallest manifest the schema accepts.
const minimal = {
  version: 1,
  createdAt: '2026-12-01T00:00:00Z',
  models: [{ id: 'm', path: 'model.json', inputSize: [8, 8], classNames: ['a'] }],
  images: [],
  outputs: [],
};

describe('ManifestSchema history / metrics', () => {
  it('defaults to null: a run names only the optional files it has', () => {
    const r = parseManifest(minimal);
    expect(r.ok && [r.manifest.history, r.manifest.metrics]).toEqual([null, null]);
  });

  it('keeps the names it is given and rejects a non-string', () => {
    const r = parseManifest({ ...minimal, history: 'history.json', metrics: 'metrics.json' });
    expect(r.ok && [r.manifest.history, r.manifest.metrics]).toEqual(['history.json', 'metrics.json']);
    const bad = parseManifest({ ...minimal, metrics: 3 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/^invalid manifest at metrics:/);
  });
});
