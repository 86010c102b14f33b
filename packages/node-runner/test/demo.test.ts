import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { HistorySchema, ManifestSchema, MetricsSchema } from '@camkit/core';
import { describe, expect, it } from 'vitest';
import { camkit, tmp } from './run-cli.js';

describe('camkit demo', () => {
  it('runs the whole pipeline (toy size) and leaves a run the viewer can open', async () => {
    const out = join(tmp(), 'demo');
    const r = await camkit(['demo', '--smoke', '--out', out, '--seed', '3']);
    expect(r.code, r.stderr).toBe(0);
    const manifest = ManifestSchema.parse(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    expect(manifest.models.map((m) => m.id)).toEqual(['camnet', 'vgglike']);
    // Models stay inside the run, as relative paths the viewer can fetch under /run/.
    for (const m of manifest.models) {
      expect(isAbsolute(m.path), m.path).toBe(false);
      expect(resolve(out, m.path).startsWith(resolve(out) + sep), m.path).toBe(true);
      expect(existsSync(join(out, m.path)), m.path).toBe(true);
    }
    // One validation image per class, explained for every class.
    expect(manifest.images).toHaveLength(4);
    const count = (model: string, method: string) =>
      manifest.outputs.filter((o) => o.model === model && o.method === method).length;
    for (const m of ['cam', 'gradcam', 'guided-backprop', 'guided-gradcam'])
      expect(count('camnet', m), m).toBe(16);
    for (const m of ['cam', 'gradcam']) expect(count('vgglike', m), m).toBe(16);
    for (const o of manifest.outputs) expect(existsSync(join(out, o.npy)), o.npy).toBe(true);
    // The seed's finding: camNet's CAM is input-resolution at the layer, vgg-like's is pooled.
    const raw = (model: string) =>
      manifest.outputs.find((o) => o.model === model && o.method === 'gradcam')!.raw!;
    expect(raw('camnet')).toMatch(/\.raw\.npy$/);
    for (const img of manifest.images) {
      expect(img.trueClass).not.toBeNull();
      expect(img.bbox).not.toBeNull();
      expect(Object.keys(img.predictions)).toEqual(['camnet', 'vgglike']);
    }
    const metrics = MetricsSchema.parse(JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')));
    expect(metrics.models.map((m) => m.model)).toEqual(['camnet', 'vgglike']);
    expect(metrics.methods).toHaveLength(4);
    HistorySchema.parse(JSON.parse(readFileSync(join(out, 'history.json'), 'utf8')));
    // The manifest names both, so the viewer asks for them (and for nothing a run lacks).
    expect([manifest.history, manifest.metrics]).toEqual(['history.json', 'metrics.json']);
    expect(r.stdout).toMatch(/open the viewer: +node packages\/node-runner\/bin\/camkit\.js view /);
    expect(r.stdout).toMatch(/demo finished in \d+ s \(peak RSS \d+ MiB\)/);
  });
});
