// camkit CLI benchmark: training and Grad-CAM throughput of the demo's two models on tfjs wasm
// (main thread, and 2 data-parallel workers) against PyTorch CPU (2 threads) in the same run,
// then the demo's wall time and peak RSS. Usage: pnpm --filter @camkit/node-runner bench
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { camNet, explain, vggLike } from '@camkit/core';
import '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels } from '@camkit/kernels';
import * as tf from '@tensorflow/tfjs-core';
import { createParallelTrainer } from '../dist/train/parallel/index.js';

const SIZE = 32;
const BATCH = 16;
// The issue's Grad-CAM reference point: the 16/32/64/64 no-pool net at 128×128, batch 16.
const ISSUE_SIZE = 128;
const STEPS = Number(process.env.BENCH_STEPS ?? 30);
const EXPLAIN_BATCHES = Number(process.env.BENCH_EXPLAIN ?? 20);
const here = fileURLToPath(new URL('.', import.meta.url));
const python = '/usr/bin/python3';

function ensureTorch() {
  if (spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0) return;
  process.stderr.write('installing Debian python3-torch (apt-get)...\n');
  execFileSync('apt-get', ['install', '-y', 'python3-torch'], { stdio: 'inherit' });
}

function build(kind) {
  if (kind === 'issue') return camNet({ inputSize: ISSUE_SIZE, filters: [16, 32, 64, 64], numClasses: 4 });
  return kind === 'camnet'
    ? camNet({ inputSize: SIZE, filters: [16, 32, 32], numClasses: 4 })
    : vggLike({
        inputSize: SIZE,
        blocks: [
          [16, 16],
          [32, 32],
          [64, 64],
        ],
        numClasses: 4,
      });
}

function batchData(size = SIZE) {
  const xs = new Float32Array(BATCH * size * size * 3).map(() => Math.random());
  const ys = Int32Array.from({ length: BATCH }, (_, i) => i % 4);
  return { xs, ys };
}

/**
 * Main-thread and 2-worker training of the same model, interleaved in rounds so that load from
 * other processes hits both alike; returns the median images/s of each.
 */
async function trainBoth(kind, rounds = 5) {
  const main = build(kind);
  const par = build(kind);
  const opt = tf.train.adam(3e-3);
  const { xs, ys } = batchData();
  const vars = main.trainableWeights.map((v) => v.read());
  const step = async () => {
    const loss = tf.tidy(() => {
      const x = tf.tensor4d(xs, [BATCH, SIZE, SIZE, 3]);
      const y = tf.oneHot(tf.tensor1d(ys, 'int32'), 4);
      return opt.minimize(
        () => {
          const p = tf.clipByValue(main.apply(x, { training: true }), 1e-7, 1);
          return tf.neg(tf.mean(tf.sum(tf.mul(y, tf.log(p)), 1)));
        },
        true,
        vars,
      );
    });
    await loss.data();
    loss.dispose();
  };
  const trainer = await createParallelTrainer({
    model: par,
    workers: 2,
    learningRate: 3e-3,
    backend: 'wasm',
  });
  for (let i = 0; i < 3; i++) {
    await step();
    await trainer.trainStep(xs.slice(), ys);
  }
  const per = Math.max(1, Math.round(STEPS / rounds));
  const a = [];
  const b = [];
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    for (let i = 0; i < per; i++) await step();
    a.push((per * BATCH) / ((performance.now() - t) / 1000));
    t = performance.now();
    for (let i = 0; i < per; i++) await trainer.trainStep(xs.slice(), ys);
    b.push((per * BATCH) / ((performance.now() - t) / 1000));
  }
  await trainer.dispose();
  main.dispose();
  par.dispose();
  opt.dispose();
  const median = (v) => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)];
  return { main: median(a), par: median(b) };
}

async function explainRate(kind, method, size = SIZE, batches = EXPLAIN_BATCHES) {
  const model = build(kind);
  const { xs } = batchData(size);
  const x = tf.tensor4d(xs, [BATCH, size, size, 3]);
  await explain(model, x, { method, targets: 'pred' });
  const t = performance.now();
  for (let i = 0; i < batches; i++) await explain(model, x, { method, targets: 'pred' });
  const r = (batches * BATCH) / ((performance.now() - t) / 1000);
  x.dispose();
  model.dispose();
  return r;
}

function demo() {
  const out = join(mkdtempSync(join(tmpdir(), 'camkit-bench-')), 'demo');
  const r = spawnSync(process.execPath, [join(here, '..', 'bin', 'camkit.js'), 'demo', '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: process.cwd() },
  });
  const m = /demo finished in (\d+) s \(peak RSS (\d+) MiB\)/.exec(r.stdout);
  const acc = /camnet: val accuracy ([\d.]+)% after (\d+) epochs/.exec(r.stderr);
  const vacc = /vgglike: val accuracy ([\d.]+)% after (\d+) epochs/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`demo failed: ${r.stderr.split('\n').slice(-3).join(' ')}`);
  return {
    seconds: Number(m[1]),
    rssMiB: Number(m[2]),
    camnetVal: acc?.[1],
    camnetEpochs: acc?.[2],
    vggVal: vacc?.[1],
    vggEpochs: vacc?.[2],
  };
}

ensureTorch();
registerWasmTrainingKernels();
await tf.setBackend('wasm');
tf.enableProdMode();
const rows = [];
process.stderr.write(`PyTorch: ${STEPS} train steps, ${EXPLAIN_BATCHES} Grad-CAM batches per model...\n`);
const torch = JSON.parse(
  execFileSync(
    python,
    [join(here, 'torch_bench.py'), String(SIZE), String(BATCH), String(STEPS), String(EXPLAIN_BATCHES)],
    { encoding: 'utf8' },
  ),
);
for (const kind of ['camnet', 'vgglike']) {
  process.stderr.write(`tfjs ${kind}...\n`);
  const { main, par } = await trainBoth(kind);
  const gc = await explainRate(kind, 'gradcam');
  const cam = await explainRate(kind, 'cam');
  const t = torch[kind];
  rows.push(
    `| ${kind} train, main thread | ${main.toFixed(0)} | ${t.trainImgPerSec.toFixed(0)} | ${(main / t.trainImgPerSec).toFixed(2)}× |`,
  );
  rows.push(
    `| ${kind} train, 2 workers | ${par.toFixed(0)} | ${t.trainImgPerSec.toFixed(0)} | ${(par / t.trainImgPerSec).toFixed(2)}× |`,
  );
  rows.push(
    `| ${kind} Grad-CAM | ${gc.toFixed(0)} | ${t.gradcamImgPerSec.toFixed(0)} | ${(gc / t.gradcamImgPerSec).toFixed(2)}× |`,
  );
  rows.push(
    `| ${kind} CAM | ${cam.toFixed(0)} | (Grad-CAM ${t.gradcamImgPerSec.toFixed(0)}) | ${(cam / t.gradcamImgPerSec).toFixed(2)}× |`,
  );
}
{
  process.stderr.write('tfjs issue-scale Grad-CAM...\n');
  const gc = await explainRate('issue', 'gradcam', ISSUE_SIZE, Math.max(3, Math.floor(EXPLAIN_BATCHES / 4)));
  const t = torch.issue.gradcamImgPerSec;
  rows.push(
    `| 16/32/64/64 net, ${ISSUE_SIZE}×${ISSUE_SIZE} Grad-CAM (batch 16: ${((BATCH / gc) * 1000).toFixed(0)} ms vs ${((BATCH / t) * 1000).toFixed(0)} ms) | ${gc.toFixed(1)} | ${t.toFixed(1)} | ${(gc / t).toFixed(2)}× |`,
  );
}
process.stderr.write('demo (full run)...\n');
const d = process.env.BENCH_SKIP_DEMO ? null : demo();
const md = [
  `Machine: ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, PyTorch ${torch.torch} (${torch.threads} threads), tfjs 4.22 wasm (SIMD, 1 thread per worker).`,
  `Input ${SIZE}×${SIZE}, batch ${BATCH}, ${STEPS} timed train steps, ${EXPLAIN_BATCHES} timed explain batches; images/s (higher is better).`,
  '',
  '| workload | camkit (tfjs wasm) | PyTorch CPU | ratio |',
  '|---|---|---|---|',
  ...rows,
  '',
  d
    ? `Demo (\`camkit demo\`): ${d.seconds} s wall, peak RSS ${d.rssMiB} MiB; camnet ${d.camnetVal}% val after ${d.camnetEpochs} epochs, vgglike ${d.vggVal}% after ${d.vggEpochs}.`
    : 'Demo skipped (BENCH_SKIP_DEMO).',
].join('\n');
writeFileSync(join(here, 'last-run.md'), `${md}\n`);
process.stdout.write(`${md}\n`);
