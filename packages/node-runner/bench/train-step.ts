// One training step (forward + backward + Adam) of the no-pool CNN (3×3 'same' convs 16/32/64/64,
// ReLU, GAP, dense softmax) at 64×64, batch 32, timed interleaved in ONE run:
//   wasm stock (+ naive filter-gradient fallback) · wasm + camkit kernels · camkit 2-worker
//   data-parallel (update on replicas / on main) · one worker on tfjs's threaded wasm build
//   (2 XNNPACK threads, experimental) · PyTorch CPU (Debian python3-torch, 2 threads).
//   pnpm --filter @camkit/node-runner bench:train [-- --rounds 5 --stock-rounds 1 --batch 32 --size 64]
import '@tensorflow/tfjs'; // registers tfjs's gradient configs (tfjs-core's node bundle has none)
import '@tensorflow/tfjs-backend-wasm';
import { execFileSync, spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { Rng } from '@camkit/core';
import {
  registerWasmTrainingKernels,
  unregisterWasmTrainingKernels,
  useLargeWinogradTiles,
  useRelaxedSimd,
} from '@camkit/kernels';
import { enableWasmRelaxedSimd } from '@camkit/kernels/node';
import { createParallelTrainer, type ParallelTrainer } from '../src/train/parallel/index.js';
import { naiveFilterGradConfig } from './train-step-naive-filter.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
}
const ROUNDS = Number(arg('rounds', '5'));
const STOCK_ROUNDS = Number(arg('stock-rounds', '1'));
const BATCH = Number(arg('batch', '32'));
const SIZE = Number(arg('size', '64'));
const FILTERS = arg('filters', '16,32,64,64').split(',').map(Number);
const CLASSES = 4;
// Debian's python3 (pyenv's may shadow it on PATH); CAMKIT_BENCH_PYTHON overrides it.
const PYTHON = process.env.CAMKIT_BENCH_PYTHON ?? '/usr/bin/python3';

function camNetLike(): tfl.LayersModel {
  const m = tfl.sequential();
  FILTERS.forEach((filters, i) => {
    m.add(
      tfl.layers.conv2d({
        filters,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
        ...(i === 0 ? { inputShape: [SIZE, SIZE, 3] } : {}),
      }),
    );
  });
  m.add(tfl.layers.globalAveragePooling2d({}));
  m.add(tfl.layers.dense({ units: CLASSES, activation: 'softmax' }));
  return m;
}

// ---- PyTorch, as a persistent subprocess stepping on request -------------------------------
function ensureTorch(): boolean {
  const probe = () => {
    try {
      execFileSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  if (probe()) return true;
  if (process.getuid?.() !== 0) return false;
  console.error('PyTorch missing: apt-get install -y python3-torch');
  try {
    execFileSync('apt-get', ['install', '-y', 'python3-torch'], { stdio: 'inherit' });
  } catch {
    return false;
  }
  return probe();
}

async function startTorch(): Promise<{
  label: string;
  step: () => Promise<number>;
  stop: () => void;
} | null> {
  if (!ensureTorch()) return null;
  const script = fileURLToPath(new URL('./train-step-torch.py', import.meta.url));
  const child = spawn(
    PYTHON,
    [script, String(BATCH), String(SIZE), String(CLASSES), FILTERS.join(','), '2'],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const r = await lines.next();
    if (r.done) throw new Error('PyTorch bench process exited');
    return r.value as string;
  };
  const label = (await next()).replace(/^ready /, '');
  return {
    label,
    step: async () => {
      child.stdin.write('step\n');
      return Number(await next());
    },
    stop: () => child.stdin.end(),
  };
}

// ---- tfjs in this process ------------------------------------------------------------------
function useKernels(which: 'stock' | 'camkit'): void {
  unregisterWasmTrainingKernels();
  if (tf.getKernel('Conv2DBackpropFilter', 'wasm') != null)
    tf.unregisterKernel('Conv2DBackpropFilter', 'wasm');
  if (which === 'stock') tf.registerKernel(naiveFilterGradConfig);
  else registerWasmTrainingKernels();
}

function makeBatch(): { xs: Float32Array; ys: Int32Array } {
  const rng = new Rng(12345);
  const rand = () => rng.next();
  return {
    xs: Float32Array.from({ length: BATCH * SIZE * SIZE * 3 }, rand),
    ys: Int32Array.from({ length: BATCH }, (_, i) => i % CLASSES),
  };
}

function inProcessStep(
  model: tfl.LayersModel,
  optimizer: tf.Optimizer,
  data: { xs: Float32Array; ys: Int32Array },
) {
  return () => {
    const loss = tf.tidy(() => {
      const xs = tf.tensor4d(data.xs, [BATCH, SIZE, SIZE, 3]);
      const oh = tf.oneHot(tf.tensor1d(data.ys, 'int32'), CLASSES);
      return optimizer.minimize(() => {
        const p = model.apply(xs, { training: true }) as tf.Tensor;
        return tf.neg(tf.mean(tf.sum(tf.mul(oh, tf.log(tf.clipByValue(p, 1e-7, 1))), 1))) as tf.Scalar;
      }, true)!;
    });
    loss.dataSync();
    loss.dispose();
  };
}

async function timeIt(f: () => unknown): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// ---- main ----------------------------------------------------------------------------------
// As the CLI does (relaxed SIMD is behind a flag in Node 20); one config below turns it off.
const fma = enableWasmRelaxedSimd();
useLargeWinogradTiles(true); // as the training workers do; one config below runs F(2×2)
await tf.setBackend('wasm');
const data = makeBatch();
const model = camNetLike();
const optimizer = tf.train.adam(1e-3);
const step = inProcessStep(model, optimizer, data);
const torch = await startTorch();
if (!torch) console.error('PyTorch not available: its column is left out');
const trainers: Record<string, ParallelTrainer> = {
  'camkit 2 workers (update on replicas)': await createParallelTrainer({
    model,
    workers: 2,
    learningRate: 1e-3,
  }),
  'camkit 2 workers (update on main)': await createParallelTrainer({
    model,
    workers: 2,
    learningRate: 1e-3,
    applyOn: 'main',
  }),
  'camkit 1 worker × 2 wasm threads (threaded build)': await createParallelTrainer({
    model,
    workers: 1,
    wasmThreads: 2,
    learningRate: 1e-3,
  }),
};

const times: Record<string, number[]> = {};
const ratios: Record<string, number[]> = {};
const record = (name: string, ms: number, torchMs: number | null) => {
  times[name] = [...(times[name] ?? []), ms];
  if (torchMs != null) ratios[name] = [...(ratios[name] ?? []), torchMs / ms];
};
const workerMs: number[] = [];

// Warm-up: XNNPACK operator creation, worker JIT, PyTorch allocator.
useKernels('camkit');
step();
useRelaxedSimd(false);
step();
useRelaxedSimd(true);
useLargeWinogradTiles(false);
step();
useLargeWinogradTiles(true);
for (const t of Object.values(trainers)) await t.trainStep(data.xs, data.ys);
await torch?.step();

for (let r = 0; r < ROUNDS; r++) {
  const torchMs = torch ? await torch.step() : null;
  if (torchMs != null) record('PyTorch CPU (2 threads)', torchMs, torchMs);
  useKernels('camkit');
  record(
    `wasm + camkit kernels${fma ? ', FMA' : ''}, Winograd F(4×4) (1 thread)`,
    await timeIt(step),
    torchMs,
  );
  useLargeWinogradTiles(false);
  record(
    `wasm + camkit kernels${fma ? ', FMA' : ''}, Winograd F(2×2) (1 thread)`,
    await timeIt(step),
    torchMs,
  );
  useLargeWinogradTiles(true);
  if (fma) {
    useRelaxedSimd(false);
    record('wasm + camkit kernels, mul + add (1 thread)', await timeIt(step), torchMs);
    useRelaxedSimd(true);
  }
  for (const [name, t] of Object.entries(trainers)) {
    record(
      name,
      await timeIt(async () => {
        workerMs.push((await t.trainStep(data.xs, data.ys)).workerMs);
      }),
      torchMs,
    );
  }
  if (r < STOCK_ROUNDS) {
    useKernels('stock');
    record('wasm stock + naive filter grad (1 thread)', await timeIt(step), torchMs);
    useKernels('camkit');
  }
  console.error(`round ${r + 1}/${ROUNDS} done`);
}

// Where the time goes in one single-thread camkit step, per kernel.
useKernels('camkit');
const profile = await tf.profile(step);
const perKernel = new Map<string, number>();
for (const k of profile.kernels)
  perKernel.set(k.name, (perKernel.get(k.name) ?? 0) + (k.kernelTimeMs as number));
const profTotal = [...perKernel.values()].reduce((a, b) => a + b, 0);

for (const t of Object.values(trainers)) await t.dispose();
torch?.stop();

console.log(
  `\nMachine: ${cpus().length}× ${cpus()[0]?.model}, Node ${process.version}, tfjs ${tf.version_core}`,
);
console.log(`PyTorch: ${torch?.label ?? 'not available'}`);
console.log(
  `Net: conv 3×3 ${FILTERS.join('/')} + GAP + dense(${CLASSES}), ${SIZE}×${SIZE}×3, batch ${BATCH}`,
);
console.log(`Rounds: ${ROUNDS} (stock: ${STOCK_ROUNDS}), each config stepped once per round, interleaved\n`);
console.log(
  '| configuration | ms/step (median) | images/s | speed vs PyTorch (median of per-round ratios) |',
);
console.log('|---|---:|---:|---:|');
for (const [name, v] of Object.entries(times)) {
  const ms = median(v);
  const ratio = ratios[name] ? `${median(ratios[name]).toFixed(2)}×` : '–';
  console.log(`| ${name} | ${ms.toFixed(0)} | ${((BATCH * 1000) / ms).toFixed(1)} | ${ratio} |`);
}
console.log(`\nworker compute per shard (median): ${median(workerMs).toFixed(0)} ms`);
console.log(
  `\nPer-kernel time of one single-thread camkit step (tf.profile, total ${profTotal.toFixed(0)} ms):\n`,
);
console.log('| kernel | ms | share |');
console.log('|---|---:|---:|');
for (const [name, ms] of [...perKernel.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10)) {
  console.log(`| ${name} | ${ms.toFixed(0)} | ${((100 * ms) / profTotal).toFixed(0)}% |`);
}
optimizer.dispose();
model.dispose();
process.exit(0);
