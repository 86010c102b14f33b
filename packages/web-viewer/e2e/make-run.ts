import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from './serve.js';

const TSX = join(REPO, 'packages', 'web-viewer', 'node_modules', '.bin', 'tsx');

/** Write a small run into `dir` (synthetic data, two models, cam/gradcam/guided-gradcam). */
export function makeRun(dir: string): void {
  execFileSync(
    TSX,
    [
      '--conditions=@camkit/source',
      join(REPO, 'packages', 'web-viewer', 'scripts', 'make-sample-run.ts'),
      '--out',
      dir,
      '--count',
      '12',
      '--size',
      '32',
      '--epochs',
      '3',
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
}
