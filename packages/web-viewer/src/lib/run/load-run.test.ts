import { describe, expect, it } from 'vitest';
import { loadRun } from './load-run.js';
import { tinyManifest } from './test-manifest.js';

function fakeFetch(files: Record<string, string>) {
  const seen: string[] = [];
  const fn = async (url: string) => {
    seen.push(url);
    const path = new URL(url).pathname;
    const body = files[path];
    return body === undefined
      ? { ok: false, status: 404, text: async () => 'nope' }
      : { ok: true, status: 200, text: async () => body };
  };
  return { fn, seen };
}

const history = {
  epochs: [{ epoch: 0, loss: 1, accuracy: 0.5, valLoss: null, valAccuracy: null, seconds: 1 }],
};

describe('loadRun', () => {
  it('loads manifest and the history it names from the base URL', async () => {
    const { fn, seen } = fakeFetch({
      '/run/manifest.json': JSON.stringify({ ...tinyManifest, history: 'history.json' }),
      '/run/history.json': JSON.stringify(history),
    });
    const r = await loadRun('http://h/run/', fn);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.run.manifest.images.map((i) => i.id)).toEqual(['a', 'b', 'c', 'd']);
    // Schema defaults are applied (alpha, colormap, preprocess).
    expect(r.run.manifest.alpha).toBe(0.5);
    expect(r.run.manifest.models[0].preprocess).toBe('unit');
    expect(r.run.history?.epochs).toHaveLength(1);
    expect(r.run.metrics).toBeNull();
    expect(r.run.warnings).toEqual([]);
    // metrics.json is not in the manifest: never requested (no 404 in the browser console).
    expect(seen).toEqual(['http://h/run/manifest.json', 'http://h/run/history.json']);
  });

  it('requests nothing beyond the manifest for a run without history or metrics', async () => {
    const { fn, seen } = fakeFetch({
      '/run/manifest.json': JSON.stringify(tinyManifest),
      // Present on the server but not named by the manifest: still not asked for.
      '/run/history.json': JSON.stringify(history),
    });
    const r = await loadRun('http://h/run/', fn);
    expect(r.ok && r.run.history).toBeNull();
    expect(seen).toEqual(['http://h/run/manifest.json']);
  });

  it('warns when a file the manifest names is missing', async () => {
    const r = await loadRun(
      'http://h/run/',
      fakeFetch({ '/run/manifest.json': JSON.stringify({ ...tinyManifest, metrics: 'metrics.json' }) }).fn,
    );
    expect(r.ok && r.run.warnings).toEqual(['metrics.json: HTTP 404']);
  });

  it('reports a missing manifest with its URL', async () => {
    const r = await loadRun('http://h/run/', fakeFetch({}).fn);
    expect(r).toEqual({ ok: false, error: expect.stringContaining('http://h/run/manifest.json (HTTP 404)') });
  });

  it('reports invalid JSON and schema errors on one line', async () => {
    const bad = await loadRun('http://h/run/', fakeFetch({ '/run/manifest.json': '{"version": 1,' }).fn);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error).toMatch(/^manifest.json is not valid JSON/);
      expect(bad.error).not.toContain('\n');
    }
    const wrong = await loadRun(
      'http://h/run/',
      fakeFetch({ '/run/manifest.json': JSON.stringify({ ...tinyManifest, models: [] }) }).fn,
    );
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error).toMatch(/^manifest.json: invalid manifest at models/);
  });

  it('keeps the run when an optional file is malformed, with a warning', async () => {
    const r = await loadRun(
      'http://h/run/',
      fakeFetch({
        '/run/manifest.json': JSON.stringify({
          ...tinyManifest,
          history: 'history.json',
          metrics: 'metrics.json',
        }),
        '/run/metrics.json': JSON.stringify({ version: 1, models: 'x', methods: [] }),
        '/run/history.json': 'not json',
      }).fn,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.run.metrics).toBeNull();
    expect(r.run.warnings).toHaveLength(2);
    expect(r.run.warnings.join('|')).toMatch(/metrics.json: invalid at models/);
  });
});
