// Fused CAM kernels vs the same maths in stock tfjs ops, per backend, in one run.
//   pnpm --filter @camkit/kernels bench [-- --backends cpu,wasm --shapes small,issue,issue-c1000 --reps 5]
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { registerCamkitKernels } from '../src/index.js';
import { type BenchRow, benchCamFuse, benchWeights, toMarkdown } from './cam-bench.js';
import { type BenchShape, ISSUE_SHAPES, SMALL_SHAPES } from './shapes.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
}

const backends = arg('backends', 'cpu,wasm').split(',');
const shapeSets = arg('shapes', 'small,issue').split(',');
const reps = Number(arg('reps', '5'));
const shapes: BenchShape[] = [];
if (shapeSets.includes('small')) shapes.push(...SMALL_SHAPES);
if (shapeSets.includes('issue')) shapes.push(ISSUE_SHAPES[0] as BenchShape);
// C=1000 at N=32 is 6.4 GB of output; on this 24 GB box the stock chain's temporaries cannot fit, so
// the C=1000 row runs at N=1 (same per-image work).
if (shapeSets.includes('issue-c1000'))
  shapes.push({ ...(ISSUE_SHAPES[1] as BenchShape), n: 1, name: 'N=1 14x14x512 -> 224x224, C=1000' });

const rows: BenchRow[] = [];
for (const backend of backends) {
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} failed to initialise`);
  await registerCamkitKernels();
  for (const s of shapes) {
    const big = s.n * s.c * s.outH * s.outW > 2e7;
    const o = { warmup: big ? 1 : 2, reps: big ? Math.min(reps, 3) : reps, log: console.log };
    rows.push(await benchCamFuse(s, o));
  }
  for (const s of shapes.filter((x) => x.c === 1))
    rows.push(...(await benchWeights(s, { warmup: 2, reps, log: console.log })));
}
console.log(`\n${toMarkdown(rows)}`);
console.log(`\nnode ${process.version}, ${process.platform}-${process.arch}, tfjs-core ${tf.version_core}`);
