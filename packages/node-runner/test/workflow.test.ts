import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeHalvesDataset } from './make-images.js';
import { camkit, errorLine, tmp } from './run-cli.js';

const json = (p: string) => JSON.parse(readFileSync(p, 'utf8'));

// One user's path through real folders: ROOT/train|test/<class>/ → train → explain → evaluate,
// all in one run directory, with true labels and the training history where the viewer looks.
describe('train → explain → evaluate on a ROOT/train|test tree', () => {
  let root: string;
  let run: string;
  beforeAll(async () => {
    root = join(tmp(), 'data');
    await makeHalvesDataset(join(root, 'train'), 10, 12);
    await makeHalvesDataset(join(root, 'test'), 4, 12);
    run = join(tmp(), 'run');
    const r = await camkit([
      'train',
      ...['--data', root, '--filters', '4', '--batch', '8', '--epochs', '2', '--workers', '1'],
      ...['--out', run],
    ]);
    expect(r.code, r.stderr).toBe(0);
    // 12-px images train at 12 px (not upscaled to 64); test/ is not trained on.
    expect(r.stderr).toMatch(/data: input size 12, every image's own \(12×12\)/);
    expect(r.stderr).toMatch(/data: .*test is left for testing/);
    expect(r.stderr).toMatch(/16 train \/ 4 val, 12×12 input/);
    expect(json(join(run, 'camkit.json')).inputSize).toEqual([12, 12]);
  });

  it('explain --images test/ records each true class; into the training run the manifest names its history', async () => {
    const r = await camkit([
      'explain',
      ...['--model', join(run, 'model.json'), '--images', join(root, 'test'), '--method', 'cam'],
      ...['--out', run],
    ]);
    expect(r.code, r.stderr).toBe(0);
    const m = json(join(run, 'manifest.json'));
    expect(m.images).toHaveLength(8);
    const classNames: string[] = m.models[0].classNames;
    for (const img of m.images) {
      // The ids are file stems like top-3: the class folder each came from.
      expect(classNames[img.trueClass]).toBe(img.id.split('-')[0]);
    }
    expect(m.history).toBe('history.json');
  });

  it('explain into another directory brings the history along; flat folders stay unlabelled', async () => {
    const maps = join(tmp(), 'maps');
    const r = await camkit([
      'explain',
      ...['--model', join(run, 'model.json'), '--images', join(root, 'test', 'top'), '--out', maps],
    ]);
    expect(r.code, r.stderr).toBe(0);
    const m = json(join(maps, 'manifest.json'));
    expect(m.images.map((i: { trueClass: number | null }) => i.trueClass)).toEqual([null, null, null, null]);
    expect(m.history).toBe('history.json');
    expect(readFileSync(join(maps, 'history.json'))).toEqual(readFileSync(join(run, 'history.json')));
  });

  it('evaluate --data ROOT scores test/; --baseline mean makes both curves meet at the mean image', async () => {
    const r = await camkit([
      'evaluate',
      ...['--model', join(run, 'model.json'), '--data', root, '--methods', 'cam'],
      ...['--baseline', 'mean', '--steps', '4', '--limit', '4'],
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/data: evaluating on .*test/);
    const metrics = json(join(run, 'metrics.json'));
    expect(metrics.models[0].count).toBe(8);
    const { deletionCurve: del, insertionCurve: ins } = metrics.methods[0];
    // Everything deleted and nothing inserted are the same image when both use one substrate.
    expect(del.at(-1)).toBeCloseTo(ins[0], 6);
    expect(del[0]).toBeCloseTo(ins.at(-1), 6);
    expect(json(join(run, 'manifest.json')).metrics).toBe('metrics.json');
    const bad = await camkit([
      'evaluate',
      '--model',
      join(run, 'model.json'),
      '--data',
      root,
      '--baseline',
      'nope',
    ]);
    expect(bad.code).toBe(2);
    expect(errorLine(bad)).toMatch(
      /--baseline <b>' argument 'nope' is invalid\. not blur, zeros, mean or an existing image file/,
    );
  });
});
