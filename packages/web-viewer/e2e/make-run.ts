import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { syntheticSample } from '@camkit/core';
import { encodePngRgb } from '../scripts/png.js';
import { camkitCommand } from './serve.js';

/** Input size of the e2e models: small, so training takes seconds. */
export const E2E_SIZE = 32;
/** Images the run explains (3 per class). */
export const E2E_IMAGES = 12;

function camkit(args: string[]): void {
  const [cmd, argv] = camkitCommand([...args, '--backend', 'wasm']);
  execFileSync(cmd, argv, { stdio: ['ignore', 'inherit', 'inherit'] });
}

/**
 * Writes a run with the real CLI, on small synthetic data: `camkit train` (camNet, and a pooling
 * vgg-like for the metrics), `camkit explain` (cam, gradcam, guided-gradcam, every class) and
 * `camkit evaluate`. Models live inside the run so `camkit view` serves them to live mode.
 */
export function makeRun(work: string): string {
  const run = join(work, 'run');
  const imgs = join(work, 'images');
  mkdirSync(imgs, { recursive: true });
  for (let i = 0; i < E2E_IMAGES; i++) {
    const s = syntheticSample(i, { size: E2E_SIZE });
    const rgb = Uint8Array.from(s.image, (v) => Math.round(Math.min(1, Math.max(0, v)) * 255));
    writeFileSync(
      join(imgs, `${s.className}-${String(i).padStart(2, '0')}.png`),
      encodePngRgb(rgb, E2E_SIZE, E2E_SIZE),
    );
  }
  const train = [
    'train',
    '--synthetic',
    '--count',
    '256',
    '--input-size',
    String(E2E_SIZE),
    '--filters',
    '8,16',
  ];
  const rest = ['--epochs', '4', '--batch', '16', '--seed', '1', '--workers', '1'];
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
