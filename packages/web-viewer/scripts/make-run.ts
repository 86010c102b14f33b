import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { syntheticSample } from '@camkit/core';
import sharp from 'sharp';
import { camkitCommand } from './camkit-bin.js';

export interface MakeRunOptions {
  /** Input size of the models (small, so training takes seconds). Default 32. */
  size?: number;
  /** Images the run explains (core's synthetic samples 0..n-1). Default 12. */
  images?: number;
  /** Training epochs. Default 4. */
  epochs?: number;
  /** Training seed. Default 1. */
  seed?: number;
}

/** The options {@link makeRun} uses when not told otherwise (the e2e suite's run). */
export const MAKE_RUN_DEFAULTS: Required<MakeRunOptions> = { size: 32, images: 12, epochs: 4, seed: 1 };

function camkit(args: string[]): void {
  const [cmd, argv] = camkitCommand([...args, '--backend', 'wasm']);
  execFileSync(cmd, argv, { stdio: ['ignore', 'inherit', 'inherit'] });
}

/**
 * Writes a run with the real CLI, on small synthetic data, into `work/run` (returned):
 * `camkit train` (camNet, and a pooling vgg-like for the metrics), `camkit explain` (cam, gradcam,
 * guided-gradcam, every class) and `camkit evaluate`. The run has the layout users' runs have,
 * because the CLI wrote it; models live inside it so `camkit view` serves them to live mode.
 */
export async function makeRun(work: string, opts: MakeRunOptions = {}): Promise<string> {
  const o = { ...MAKE_RUN_DEFAULTS, ...opts };
  const run = join(work, 'run');
  const imgs = join(work, 'images');
  mkdirSync(imgs, { recursive: true });
  for (let i = 0; i < o.images; i++) {
    const s = syntheticSample(i, { size: o.size });
    const rgb = Uint8Array.from(s.image, (v) => Math.round(Math.min(1, Math.max(0, v)) * 255));
    await sharp(rgb, { raw: { width: o.size, height: o.size, channels: 3 } })
      .png()
      .toFile(join(imgs, `${s.className}-${String(i).padStart(2, '0')}.png`));
  }
  const train = [
    'train',
    '--synthetic',
    '--count',
    '256',
    '--input-size',
    String(o.size),
    '--filters',
    '8,16',
  ];
  const rest = ['--epochs', String(o.epochs), '--batch', '16', '--seed', String(o.seed), '--workers', '1'];
  camkit([...train, ...rest, '--out', join(run, 'model', 'camnet')]);
  camkit([...train, '--arch', 'vgg-like', ...rest, '--out', join(run, 'model', 'vgglike')]);
  // Before explain, so its manifest names the history (the viewer asks only for what it names).
  copyFileSync(join(run, 'model', 'camnet', 'history.json'), join(run, 'history.json'));
  camkit([
    'explain',
    '--model',
    join(run, 'model', 'camnet', 'model.json'),
    '--images',
    imgs,
    '--method',
    'cam,gradcam,guided-gradcam',
    '--classes',
    'all',
    '--model-id',
    'camnet',
    '--out',
    run,
  ]);
  camkit([
    'evaluate',
    '--model',
    join(run, 'model', 'camnet', 'model.json'),
    join(run, 'model', 'vgglike', 'model.json'),
    '--synthetic',
    '--count',
    '24',
    '--methods',
    'gradcam',
    '--limit',
    '8',
    '--steps',
    '8',
    '--out',
    run,
  ]);
  return run;
}
