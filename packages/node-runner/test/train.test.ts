import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HistorySchema } from '@camkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeHalvesDataset, writeGrayAndRgba } from './make-images.js';
import { camkit, errorLine, spawnCamkit, tmp } from './run-cli.js';

const TRAIN = ['--input-size', '16', '--filters', '4,8', '--batch', '8', '--lr', '0.01', '--workers', '1'];

describe('camkit train', () => {
  let data: string;
  beforeAll(async () => {
    data = join(tmp(), 'data');
    await makeHalvesDataset(data, 16, 16);
    const extra = await writeGrayAndRgba(join(data, 'top'));
    expect(existsSync(extra.gray)).toBe(true);
    writeFileSync(join(data, 'bottom', 'broken.jpg'), 'this is not a jpeg');
    writeFileSync(join(data, 'top', 'notes.txt'), 'hello');
  });

  /**
   * `camkit train` on the test data with TRAIN's settings on `workers` workers and a constant rate:
   * a cosine schedule spans --epochs, so only a constant rate lets --resume extend a run.
   */
  const extendableRun = (workers: string) => [
    'train',
    '--data',
    data,
    ...TRAIN.slice(0, -2),
    '--workers',
    workers,
    '--schedule',
    'constant',
  ];

  it('trains on folders (grayscale/RGBA converted, unreadable files skipped and counted) and writes the run', async () => {
    const out = join(tmp(), 'run');
    const r = await camkit(['train', '--data', data, ...TRAIN, '--epochs', '6', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/skipping .*broken\.jpg/);
    expect(r.stderr).toMatch(/skipping .*notes\.txt/);
    expect(r.stderr).toMatch(/skipped 2 unreadable file\(s\) of 36/);
    // 16 + 2 (gray, rgba) top images and 16 bottom: 34 readable, split 80/20 per class.
    expect(r.stderr).toMatch(/2 classes \(bottom, top\), 27 train \/ 7 val/);
    expect(r.stderr).toMatch(/init: glorot \(auto\), seed 0/);
    for (const f of ['model.json', 'weights.bin', 'camkit.json', 'history.json', 'checkpoint.json']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    const history = HistorySchema.parse(JSON.parse(readFileSync(join(out, 'history.json'), 'utf8')));
    expect(history.epochs.map((e) => e.epoch)).toEqual([0, 1, 2, 3, 4, 5]);
    // Top-bright vs bottom-bright is easy: the loss must fall below chance level ln 2.
    expect(history.epochs.at(-1)!.loss).toBeLessThan(Math.log(2));
    const meta = JSON.parse(readFileSync(join(out, 'camkit.json'), 'utf8'));
    expect(meta).toMatchObject({ classNames: ['bottom', 'top'], inputSize: [16, 16], preprocess: 'unit' });
  });

  it('trains a dilated BN camNet on wasm, saves its dilations, explains it, and refuses a resume with others', async () => {
    const out = join(tmp(), 'dilated');
    const args = ['train', '--data', data, ...TRAIN, '--batch-norm', '--dilations', '1,3', '--out', out];
    const r = await camkit([...args, '--epochs', '6']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/init: fan-in \(auto\)/); // BatchNorm camNet: PyTorch's init
    const history = HistorySchema.parse(JSON.parse(readFileSync(join(out, 'history.json'), 'utf8')));
    expect(history.epochs.at(-1)!.loss).toBeLessThan(Math.log(2));
    // model.json is the BN-folded net: the dilation survives the fold and the save.
    const topology = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')).modelTopology;
    const layers = (topology.model_config ?? topology).config.layers as {
      config: { name: string; dilation_rate?: unknown };
    }[];
    const rates = Object.fromEntries(layers.map((l) => [l.config.name, l.config.dilation_rate]));
    expect(rates.conv2).toEqual([3, 3]);
    expect(rates.conv1).toEqual([1, 1]);
    // A gradient method through the dilated convs on the default backend.
    const ex = await camkit([
      'explain',
      '--model',
      join(out, 'model.json'),
      '--images',
      join(data, 'top'),
      '--method',
      'gradcam',
      '--out',
      join(out, 'explained'),
    ]);
    expect(ex.code, ex.stderr).toBe(0);
    const bad = await camkit([...args.map((a) => (a === '1,3' ? '1,2' : a)), '--epochs', '7', '--resume']);
    expect(errorLine(bad)).toMatch(/--resume: .* different --dilations/);
  });

  it('--cache-mib sizes the streaming decode cache and says so', async () => {
    const out = join(tmp(), 'cache');
    const r = await camkit([
      'train',
      '--data',
      data,
      ...TRAIN,
      '--stream',
      'on',
      '--cache-mib',
      '3',
      '--epochs',
      '1',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/data: streaming from disk.*decode cache 3 MiB \(--cache-mib\)/);
  });

  it('--strict makes an unreadable file an error naming it', async () => {
    const r = await camkit([
      'train',
      '--data',
      data,
      ...TRAIN,
      '--epochs',
      '1',
      '--strict',
      '--out',
      join(tmp(), 'run'),
    ]);
    expect(errorLine(r)).toMatch(/broken\.jpg: not a readable image.*--strict/);
  });

  it('refuses an empty class folder, a single class, and an unwritable --out', async () => {
    const root = tmp();
    mkdirSync(join(root, 'empty-case', 'a'), { recursive: true });
    mkdirSync(join(root, 'empty-case', 'b'), { recursive: true });
    writeFileSync(join(root, 'empty-case', 'a', 'x.png'), readFileSync(join(data, 'top', 'top-0.png')));
    const e = await camkit([
      'train',
      '--data',
      join(root, 'empty-case'),
      ...TRAIN,
      '--out',
      join(root, 'o1'),
    ]);
    expect(errorLine(e)).toMatch(/class folder .*empty-case\/b is empty/);
    mkdirSync(join(root, 'single', 'only'), { recursive: true });
    writeFileSync(join(root, 'single', 'only', 'x.png'), readFileSync(join(data, 'top', 'top-0.png')));
    const s = await camkit(['train', '--data', join(root, 'single'), ...TRAIN, '--out', join(root, 'o2')]);
    expect(errorLine(s)).toMatch(/found 1 class folder\(s\) \(only\); a classifier needs at least 2/);
    // A path below a regular file can never be created, even as root.
    writeFileSync(join(root, 'file'), '');
    const u = await camkit(['train', '--data', data, ...TRAIN, '--out', join(root, 'file', 'run')]);
    expect(errorLine(u)).toMatch(/--out .*file\/run: not writable \(ENOTDIR\)/);
    expect(existsSync(join(root, 'o1', 'model.json'))).toBe(false);
  });

  it('resumes after kill -9 following a checkpoint, continuing the epoch count', async () => {
    const out = join(tmp(), 'run');
    const args = ['train', '--data', data, ...TRAIN, '--epochs', '6', '--out', out];
    const child = spawnCamkit(args);
    let stderr = '';
    const killed = await new Promise<NodeJS.Signals | null>((resolve) => {
      child.stderr!.on('data', (d) => {
        stderr += d;
        // The epoch line is printed just before its checkpoint is written: poll for the file.
        if (/epoch 1\/6:/.test(stderr)) {
          const t = setInterval(() => {
            if (existsSync(join(out, 'checkpoint.json'))) {
              clearInterval(t);
              child.kill('SIGKILL');
            }
          }, 5);
        }
      });
      child.on('close', (_code, signal) => resolve(signal));
    });
    expect(killed).toBe('SIGKILL');
    const ck = JSON.parse(readFileSync(join(out, 'checkpoint.json'), 'utf8'));
    expect(ck.epochsDone).toBeGreaterThanOrEqual(1);
    expect(ck.epochsDone).toBeLessThan(6);
    const done = ck.epochsDone as number;
    const r = await camkit([...args, '--resume']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`resuming ${out} after epoch ${done}`);
    expect(r.stderr).not.toMatch(new RegExp(`epoch ${done}/6:`));
    expect(r.stderr).toMatch(new RegExp(`epoch ${done + 1}/6:`));
    const history = HistorySchema.parse(JSON.parse(readFileSync(join(out, 'history.json'), 'utf8')));
    expect(history.epochs.map((e) => e.epoch)).toEqual([0, 1, 2, 3, 4, 5]);
    // A resume with different settings is refused.
    const bad = await camkit([
      'train',
      '--data',
      data,
      ...TRAIN.slice(0, -4),
      '--batch',
      '4',
      '--workers',
      '1',
      '--epochs',
      '7',
      '--out',
      out,
      '--resume',
    ]);
    expect(errorLine(bad)).toMatch(/--resume: .* different --batch/);
  });

  for (const workers of ['1', '2']) {
    it(`a resumed run ends with the same weights as an uninterrupted one (--workers ${workers})`, async () => {
      const base = extendableRun(workers);
      const straight = join(tmp(), 'straight');
      const a = await camkit([...base, '--epochs', '3', '--out', straight]);
      expect(a.code, a.stderr).toBe(0);
      const split = join(tmp(), 'split');
      const b1 = await camkit([...base, '--epochs', '1', '--out', split]);
      expect(b1.code, b1.stderr).toBe(0);
      const b2 = await camkit([...base, '--epochs', '3', '--out', split, '--resume']);
      expect(b2.code, b2.stderr).toBe(0);
      // Same seed: same init, shuffles and augmentation; Adam's moments and the RNG come back
      // from the checkpoint, so the bytes must match exactly.
      expect(
        readFileSync(join(split, 'weights.bin')).equals(readFileSync(join(straight, 'weights.bin'))),
      ).toBe(true);
    }, 600_000); // three CLI trainings (with worker threads for 2): slow on a loaded box
  }

  for (const workers of ['1', '2']) {
    it(`--stream on trains bit-identically to --stream off (--workers ${workers}); a streamed run resumes in memory`, async () => {
      // The default recipe (shuffle, flip + shift augmentation, seeded split of 20 % for
      // validation), extendable by --resume.
      const base = extendableRun(workers);
      const mem = join(tmp(), `mem-${workers}`);
      const a = await camkit([...base, '--epochs', '2', '--stream', 'off', '--out', mem]);
      expect(a.code, a.stderr).toBe(0);
      expect(a.stderr).toMatch(
        /^data: decoded into memory up front \(--stream off; 36 images × 16×16×3 float32/m,
      );
      const st = join(tmp(), `stream-${workers}`);
      const b = await camkit([...base, '--epochs', '2', '--stream', 'on', '--out', st]);
      expect(b.code, b.stderr).toBe(0);
      expect(b.stderr).toMatch(/^data: streaming from disk, decoded per batch \(--stream on; 36 images/m);
      // Streaming skips by header what memory skips by decoding: the same two files here.
      expect(b.stderr).toMatch(/skipped 2 unreadable file\(s\) of 36/);
      const weights = (dir: string) => readFileSync(join(dir, 'weights.bin'));
      expect(weights(st).equals(weights(mem))).toBe(true);
      const hist = (dir: string) =>
        HistorySchema.parse(JSON.parse(readFileSync(join(dir, 'history.json'), 'utf8')));
      const strip = (d: string) => hist(d).epochs.map(({ seconds: _, ...e }) => e);
      expect(strip(st)).toEqual(strip(mem)); // validation (streamed too) scored the same
      if (workers === '2') return;
      // --stream is not part of the run's config: one epoch streamed, the second in memory.
      const split = join(tmp(), 'stream-split');
      const c1 = await camkit([...base, '--epochs', '1', '--stream', 'on', '--out', split]);
      expect(c1.code, c1.stderr).toBe(0);
      const c2 = await camkit([...base, '--epochs', '2', '--out', split, '--resume']);
      expect(c2.code, c2.stderr).toBe(0);
      expect(c2.stderr).toMatch(/data: decoded into memory up front \(--stream auto: .* ≤ the 1\.00 GiB/);
      expect(weights(split).equals(weights(mem))).toBe(true);
    }, 600_000);
  }

  it('stops on a NaN loss with a clear message and keeps the last good checkpoint', async () => {
    const out = join(tmp(), 'run');
    const ok = await camkit(['train', '--data', data, ...TRAIN, '--epochs', '1', '--out', out]);
    expect(ok.code, ok.stderr).toBe(0);
    const before = readFileSync(join(out, 'weights.bin'));
    // An absurd learning rate blows the weights up to ±inf within a few steps.
    const r = await camkit([
      'train',
      '--data',
      data,
      ...TRAIN.slice(0, 6),
      '--lr',
      '1e30',
      '--workers',
      '1',
      '--epochs',
      '3',
      '--out',
      out,
    ]);
    expect(errorLine(r)).toMatch(
      /training diverged: .*(NaN|inf|Infinity).* \(lower --lr\); kept the checkpoint of epoch 1 in /,
    );
    expect(readFileSync(join(out, 'weights.bin')).equals(before)).toBe(true);
  });
});
