// Issue 12's speed table in ONE run: the default no-pool camNet (16/32/64/64, 4 classes) trained
// at 28², 32², 64², 128² (batch 32) with 2 data-parallel wasm workers, and Grad-CAM at batch 1 and
// 32, against PyTorch CPU (2 threads, bench/torch_scales.py) — the two sides alternate, size by
// size, round by round, so load from other processes hits both alike; each cell is the median.
// Usage: pnpm --filter @camkit/node-runner bench:scales. SCALES_ROUNDS (default 3), SCALES_SIZES (default 28,32,64,128).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { camNet, explain } from '@camkit/core';
import '@tensorflow/tfjs-backend-wasm';
import { registerCamkitKernels } from '@camkit/kernels';
import { enableWasmRelaxedSimd } from '@camkit/kernels/node';
import * as tf from '@tensorflow/tfjs-core';
import { createParallelTrainer } from '../dist/train/parallel/index.js';
import { cpuLine } from './machine.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const ROUNDS = Number(process.env.SCALES_ROUNDS ?? 3);
const SIZES = (process.env.SCALES_SIZES ?? '28,32,64,128').split(',').map(Number);
// Work per measurement, so each takes a few seconds at every size.
const plan = (size) => {
  const scale = (size * size) / (28 * 28);
  return { steps: Math.max(2, Math.round(16 / scale)), batches32: Math.max(2, Math.round(8 / scale)) };
};
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

async function camkitRound(size, trainer, model) {
  const { steps, batches32 } = plan(size);
  const xs = new Float32Array(32 * size * size * 3).map(() => Math.random());
  const ys = Int32Array.from({ length: 32 }, (_, i) => i % 4);
  await trainer.trainStep(xs.slice(), ys); // warm (and the shapes' kernels generated)
  let t = performance.now();
  for (let i = 0; i < steps; i++) await trainer.trainStep(xs.slice(), ys);
  const train = (steps * 32) / ((performance.now() - t) / 1000);
  const out = { train };
  for (const b of [1, 32]) {
    const x = tf.tensor4d(xs.subarray(0, b * size * size * 3), [b, size, size, 3]);
    await explain(model, x, { method: 'gradcam', targets: 'pred' });
    const n = b === 32 ? batches32 : Math.min(64, batches32 * 32);
    t = performance.now();
    for (let i = 0; i < n; i++) await explain(model, x, { method: 'gradcam', targets: 'pred' });
    out[`gradcam${b}`] = (n * b) / ((performance.now() - t) / 1000);
    x.dispose();
  }
  return out;
}

function torchRound(size) {
  const { steps, batches32 } = plan(size);
  return JSON.parse(
    execFileSync(
      '/usr/bin/python3',
      [join(here, 'torch_scales.py'), String(size), String(steps), String(batches32)],
      {
        encoding: 'utf8',
      },
    ),
  );
}

const fma = enableWasmRelaxedSimd(); // as the CLI's backend setup does
await registerCamkitKernels();
await tf.setBackend('wasm');
tf.enableProdMode();
const load0 = loadavg()[0];
const rows = [];
let torchVersion = '';
for (const size of SIZES) {
  process.stderr.write(`${size}×${size}: ${ROUNDS} rounds...\n`);
  const model = camNet({ inputSize: size, numClasses: 4 });
  const trainer = await createParallelTrainer({
    model: camNet({ inputSize: size, numClasses: 4 }),
    workers: 2,
    learningRate: 3e-3,
    backend: 'wasm',
  });
  const ours = [];
  const theirs = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t = torchRound(size);
    torchVersion = t.torch;
    theirs.push(t);
    ours.push(await camkitRound(size, trainer, model));
  }
  await trainer.dispose();
  model.dispose();
  for (const [key, label] of [
    ['train', 'train (batch 32; camkit: 2 workers)'],
    ['gradcam1', 'Grad-CAM, batch 1'],
    ['gradcam32', 'Grad-CAM, batch 32'],
  ]) {
    const a = median(ours.map((o) => o[key]));
    const b = median(theirs.map((o) => o[key]));
    const range = (v) => `${Math.min(...v).toFixed(1)}–${Math.max(...v).toFixed(1)}`;
    rows.push(
      `| ${size}² | ${label} | ${a.toFixed(1)} (${range(ours.map((o) => o[key]))}) | ${b.toFixed(1)} (${range(theirs.map((o) => o[key]))}) | **${(a / b).toFixed(2)}×** |`,
    );
  }
}
const md = [
  `Machine: ${cpuLine()}, Node ${process.version}, tfjs 4.22 wasm (SIMD${fma ? ' + FMA' : ''}, camkit kernels, 1 thread per worker), PyTorch ${torchVersion} (2 threads). Load average ${load0.toFixed(2)} at the start, ${loadavg()[0].toFixed(2)} at the end.`,
  `Net: camNet 16/32/64/64 (no pooling, GAP, Dense; 4 classes), random inputs; images/s, median of ${ROUNDS} alternating rounds (range), higher is better.`,
  '',
  '| size | workload | camkit | PyTorch | camkit / PyTorch |',
  '|---|---|---:|---:|---:|',
  ...rows,
].join('\n');
writeFileSync(join(here, 'last-scales.md'), `${md}\n`);
process.stdout.write(`${md}\n`);
