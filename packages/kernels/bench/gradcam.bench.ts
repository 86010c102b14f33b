// Grad-CAM per image for camNet (4 conv 16/32/64/64, no pooling, GAP, Dense(4)) at 64×64, batch 1
// and 32, on tfjs's wasm and cpu backends and in PyTorch on the CPU, in one run, with ratios.
// Run: pnpm --filter @camkit/kernels bench:gradcam
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { camNet, explain, Rng } from '@camkit/core';
import { registerWasmTrainingKernels, unregisterWasmTrainingKernels } from '../src/training/index.js';

const SIZE = 64;
const BATCH = 32;
const PYTHON = '/usr/bin/python3'; // Debian's, where python3-torch installs
const here = dirname(fileURLToPath(import.meta.url));

interface HostWeight {
  name: string;
  shape: number[];
  data: Float32Array;
}

interface Row {
  engine: string;
  batch: number;
  reps: number;
  msPerImage: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function ensureTorch(): boolean {
  const probe = spawnSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' });
  if (probe.status === 0) return true;
  console.log('PyTorch missing: apt-get install -y python3-torch');
  const install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'python3-torch'], {
    stdio: 'inherit',
  });
  return install.status === 0 && spawnSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
}

/** Deterministic pseudo-random images in [0, 1] (the timing does not depend on content). */
function makeImages(): Float32Array {
  const data = new Float32Array(BATCH * SIZE * SIZE * 3);
  const rng = new Rng(12345);
  for (let i = 0; i < data.length; i++) data[i] = rng.next();
  return data;
}

async function timeBackend(
  backend: string,
  weights: HostWeight[] | null,
  pixels: Float32Array,
  runs: [number, number][],
  label = `tfjs ${backend}`,
): Promise<{ rows: Row[]; weights: HostWeight[]; maps: Float32Array }> {
  await tf.setBackend(backend);
  await tf.ready();
  tf.engine().startScope();
  const model = camNet({ inputSize: SIZE, numClasses: 4 });
  // Same weights on every engine; copied through host arrays (never read a tensor across backends).
  if (weights) model.setWeights(weights.map((w) => tf.tensor(w.data, w.shape)));
  const rows: Row[] = [];
  let maps: Float32Array = new Float32Array();
  for (const [batch, reps] of runs) {
    const images = tf.tensor4d(pixels.subarray(0, batch * SIZE * SIZE * 3), [batch, SIZE, SIZE, 3]);
    // Median of per-call times: robust to other jobs on a shared box.
    const times: number[] = [];
    // Warm-up at batch 1 only (kernel setup); batch 32 on cpu is too slow to run twice.
    if (batch === 1) await explain(model, images, { method: 'gradcam' });
    let result: Awaited<ReturnType<typeof explain>> | null = null;
    for (let r = 0; r < reps; r++) {
      const start = performance.now();
      result = await explain(model, images, { method: 'gradcam' });
      times.push(performance.now() - start);
    }
    const ms = median(times);
    rows.push({ engine: label, batch, reps, msPerImage: ms / batch });
    if (batch === 1 && result) maps = result.heatmaps[0].map;
    images.dispose();
  }
  const host = model.weights.map((w) => ({
    name: w.originalName,
    shape: w.shape.slice() as number[],
    data: w.read().dataSync() as Float32Array,
  }));
  tf.engine().endScope();
  model.dispose();
  return { rows, weights: host, maps };
}

async function main(): Promise<void> {
  const pixels = makeImages();
  const work = mkdtempSync(join(tmpdir(), 'camkit-bench-'));
  try {
    console.log(
      `machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}, tfjs ${tf.version_core}`,
    );
    const loadAtStart = loadavg()[0].toFixed(1);
    const wasm = await timeBackend('wasm', null, pixels, [
      [1, 20],
      [BATCH, 3],
    ]);
    // The same on wasm with this package's convolutions (Winograd, generated SIMD) registered, as
    // the CLI runs it.
    registerWasmTrainingKernels();
    const fast = await timeBackend(
      'wasm',
      wasm.weights,
      pixels,
      [
        [1, 20],
        [BATCH, 3],
      ],
      'tfjs wasm + @camkit/kernels',
    );
    unregisterWasmTrainingKernels();
    // cpu is ~30× slower: batch 32 once.
    const cpu = await timeBackend('cpu', wasm.weights, pixels, [
      [1, 3],
      [BATCH, 1],
    ]);
    const rows = [...wasm.rows, ...fast.rows, ...cpu.rows];

    let torchNote = 'PyTorch: not available (python3-torch could not be installed)';
    let mapsDiff: number | null = null;
    if (ensureTorch()) {
      const manifest = wasm.weights.map(({ name, shape }) => ({ name, shape }));
      const flat = new Float32Array(wasm.weights.reduce((s, w) => s + w.data.length, 0));
      let at = 0;
      for (const w of wasm.weights) {
        flat.set(w.data, at);
        at += w.data.length;
      }
      writeFileSync(join(work, 'weights.bin'), flat);
      writeFileSync(join(work, 'images.bin'), pixels);
      const spec = {
        weights: join(work, 'weights.bin'),
        images: join(work, 'images.bin'),
        manifest,
        convs: ['conv1', 'conv2', 'conv3', 'conv4'],
        dense: 'logits',
        size: SIZE,
        channels: 3,
        threads: [1, cpus().length],
        runs: [
          [1, 20],
          [BATCH, 3],
        ],
        check_batch: 1,
        maps_out: join(work, 'torch-maps.bin'),
      };
      writeFileSync(join(work, 'spec.json'), JSON.stringify(spec));
      const out = JSON.parse(
        execFileSync(PYTHON, [join(here, 'gradcam_torch.py'), join(work, 'spec.json')], { encoding: 'utf8' }),
      ) as {
        torch: string;
        threads: Record<string, { batch: number; reps: number; ms_per_image: number }[]>;
      };
      for (const [threads, list] of Object.entries(out.threads)) {
        for (const r of list) {
          rows.push({
            engine: `PyTorch ${out.torch} (${threads} thr)`,
            batch: r.batch,
            reps: r.reps,
            msPerImage: r.ms_per_image,
          });
        }
      }
      const torchMaps = new Float32Array(readFileSync(spec.maps_out).buffer.slice(0));
      mapsDiff = torchMaps.reduce((m, v, i) => Math.max(m, Math.abs(v - wasm.maps[i])), 0);
      torchNote = `PyTorch ${out.torch}; Grad-CAM map max |tfjs wasm − torch| = ${mapsDiff.toExponential(1)} (batch 1, same weights)`;
    }

    // The reference is PyTorch's best thread count per batch (on a shared 2-core box 1 thread can win).
    const ref = (batch: number) =>
      rows
        .filter((r) => r.engine.startsWith('PyTorch') && r.batch === batch)
        .sort((a, b) => a.msPerImage - b.msPerImage)[0];
    console.log(
      `\nGrad-CAM per image, camNet ${SIZE}×${SIZE} (conv 16/32/64/64, GAP, Dense 4), predicted class`,
    );
    console.log('| engine | batch | reps | ms / image | × fastest PyTorch (same batch) |');
    console.log('|---|---|---|---|---|');
    for (const r of rows) {
      const t = ref(r.batch);
      const ratio = t ? (r.msPerImage / t.msPerImage).toFixed(2) : 'n/a';
      console.log(`| ${r.engine} | ${r.batch} | ${r.reps} | ${r.msPerImage.toFixed(1)} | ${ratio} |`);
    }
    console.log(`\n${torchNote}`);
    // Other jobs on a shared box slow every row; the 1-minute load average says how busy it was.
    console.log(`load average (1 min): ${loadAtStart} at start, ${loadavg()[0].toFixed(1)} at end`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`bench failed: ${(e as Error).message}`);
  process.exit(1);
});
