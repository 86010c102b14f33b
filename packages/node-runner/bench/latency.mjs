// Latency table in torch-cam's protocol: per-method overhead beyond the forward pass, 224×224,
// batch 1 and 16, resnet18 and mobilenet_v3_large (torchvision's architectures, random weights),
// camkit on wasm with its kernels (webgpu too when LATENCY_BACKENDS names it) side by side with
// PyTorch CPU (2 threads, bench/latency_torch.py: a hook implementation of pytorch-grad-cam's
// maths), in one run. Plus a row showing whether the CLI's backend setup gets the fused CAM
// kernels, and what they are worth (fused vs the stock op chain, same run).
//
// Usage: pnpm --filter @camkit/node-runner bench:latency        (the full protocol)
// Env: LATENCY_SIZE (224) LATENCY_BATCHES (1,16) LATENCY_ROUNDS (3) LATENCY_MODELS
//      (resnet18,mobilenet_v3_large) LATENCY_METHODS (every camkit method) LATENCY_HEAVY_BATCHES
//      (1: batches at which Score-CAM and Ablation-CAM run) LATENCY_BACKENDS (wasm)
//      LATENCY_OUT (a markdown file to write the table to)
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { explain, hasCamFuseKernel, logitsModel, METHODS } from '@camkit/core';
import { mobilenetV3Large, resnet18 } from '@camkit/core/families';
import {
  CamFuse,
  camFuseWasmConfig,
  GradcamPlusPlusWeights,
  GradcamWeights,
  gradcamPlusPlusWeightsWasmConfig,
  gradcamWeightsWasmConfig,
  registerCamkitKernels,
} from '@camkit/kernels';
import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '../dist/backend/select-backend.js';

const env = (k, d) => process.env[k] ?? d;
const list = (k, d) =>
  env(k, d)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const SIZE = Number(env('LATENCY_SIZE', 224));
const BATCHES = list('LATENCY_BATCHES', '1,16').map(Number);
const ROUNDS = Number(env('LATENCY_ROUNDS', 3));
const MODELS = list('LATENCY_MODELS', 'resnet18,mobilenet_v3_large');
const METHOD_LIST = list('LATENCY_METHODS', METHODS.join(','));
const HEAVY = new Set(['scorecam', 'ablationcam']);
const HEAVY_BATCHES = list('LATENCY_HEAVY_BATCHES', '1').map(Number);
const BACKENDS = list('LATENCY_BACKENDS', 'wasm');
const TARGET = 232; // torch-cam's class index
const here = fileURLToPath(new URL('.', import.meta.url));

// torchvision's resnet18 layer4 and mobilenet_v3_large features[-1] (torch-cam's default targets).
const ARCHS = {
  resnet18: { build: resnet18, layer: 'conv5_block2_out' },
  mobilenet_v3_large: { build: mobilenetV3Large, layer: 'conv_1_hard_swish' },
};
// torch-cam's published CPU latencies (i7-10750H, batch 1, 224), where it has the method.
const TORCHCAM = {
  resnet18: { gradcam: 40.7, 'gradcam++': 41.6, xgradcam: 40.6, layercam: 40.9, scorecam: 6797 },
  mobilenet_v3_large: { scorecam: 679 },
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeIt(fn, rounds, warmup = true) {
  if (warmup) await fn();
  const times = [];
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

function inputs(batch) {
  const x = tf.tidy(() => tf.randomUniform([batch, SIZE, SIZE, 3], 0, 1, 'float32', 7));
  return x;
}

async function forwardMs(model, x) {
  const lm = logitsModel(model);
  return timeIt(async () => {
    const y = lm.predict(x);
    await y.data();
    y.dispose();
  }, ROUNDS);
}

function explainFn(model, x, method, layer) {
  const targets = Array.from({ length: x.shape[0] }, () => TARGET);
  return async () => {
    const before = tf.memory().numTensors;
    await explain(model, x, { method, layer, targets });
    if (tf.memory().numTensors !== before) throw new Error(`${method}: tensors leaked`);
  };
}

/** One backend: forward and every method for every model and batch. */
async function camkitRows(backend) {
  await tf.setBackend(backend);
  await tf.ready();
  await registerCamkitKernels();
  const rows = [];
  for (const name of MODELS) {
    const { build, layer } = ARCHS[name];
    const model = build({ inputSize: SIZE });
    for (const batch of BATCHES) {
      const x = inputs(batch);
      const row = { model: name, batch, forward: await forwardMs(model, x), methods: {} };
      for (const method of METHOD_LIST) {
        if (HEAVY.has(method) && !HEAVY_BATCHES.includes(batch)) continue;
        try {
          const heavy = HEAVY.has(method);
          row.methods[method] = await timeIt(explainFn(model, x, method, layer), heavy ? 1 : ROUNDS, !heavy);
        } catch (e) {
          row.methods[method] = null;
          row.errors = { ...row.errors, [method]: String(e.message).split('\n')[0] };
        }
      }
      x.dispose();
      rows.push(row);
      process.stderr.write(`camkit ${backend} ${JSON.stringify(row)}\n`);
    }
    model.dispose();
  }
  return rows;
}

const FUSED = [
  [CamFuse, camFuseWasmConfig],
  [GradcamWeights, gradcamWeightsWasmConfig],
  [GradcamPlusPlusWeights, gradcamPlusPlusWeightsWasmConfig],
];

/**
 * What `camkit explain` gets: the CLI's own backend setup (selectBackend), then Grad-CAM and
 * Grad-CAM++ on resnet18 with the fused kernels and with the stock op chain.
 */
async function cliRow() {
  const selection = await selectBackend('wasm');
  const registered = hasCamFuseKernel();
  const model = resnet18({ inputSize: SIZE });
  const x = inputs(1);
  const out = { backend: selection.label, registered, methods: {} };
  for (const method of ['gradcam', 'gradcam++']) {
    const fn = explainFn(model, x, method, ARCHS.resnet18.layer);
    const cli = await timeIt(fn, ROUNDS);
    for (const [name] of FUSED) if (tf.getKernel(name, 'wasm')) tf.unregisterKernel(name, 'wasm');
    const stock = await timeIt(fn, ROUNDS);
    for (const [, config] of FUSED) tf.registerKernel(config);
    const fused = await timeIt(fn, ROUNDS);
    // Put the registry back as the CLI left it.
    if (!registered) for (const [name] of FUSED) tf.unregisterKernel(name, 'wasm');
    out.methods[method] = { cli, stock, fused };
  }
  x.dispose();
  model.dispose();
  return out;
}

function torchRows() {
  const cfg = {
    size: SIZE,
    batches: BATCHES,
    rounds: ROUNDS,
    models: MODELS,
    methods: METHOD_LIST,
    heavyBatches: HEAVY_BATCHES,
  };
  const r = spawnSync('/usr/bin/python3', [`${here}latency_torch.py`, JSON.stringify(cfg)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0)
    throw new Error(
      `latency_torch.py failed (${r.status}); apt-get install -y python3-torch python3-torchvision`,
    );
  return JSON.parse(r.stdout);
}

const fmt = (v) => (v == null ? '—' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
const ratio = (a, b) => (a == null || b == null || b <= 0 ? '—' : `${(a / b).toFixed(2)}×`);

function table(camkit, torch, backend) {
  const lines = [
    `| model | batch | method | camkit ${backend} overhead (ms) | PyTorch overhead (ms) | camkit / PyTorch | torch-cam published (i7, b1) |`,
    '|---|---|---|---|---|---|---|',
  ];
  for (const row of camkit) {
    const t = torch.results.find((r) => r.model === row.model && r.batch === row.batch);
    lines.push(
      `| ${row.model} | ${row.batch} | **forward** | ${fmt(row.forward)} | ${fmt(t?.forward)} | ${ratio(row.forward, t?.forward)} | |`,
    );
    for (const method of METHOD_LIST) {
      if (!(method in row.methods) && !(t && method in t.methods)) continue;
      const c = row.methods[method] == null ? null : Math.max(0, row.methods[method] - row.forward);
      const p = t?.methods[method] == null ? null : Math.max(0, t.methods[method] - t.forward);
      const pub = row.batch === 1 ? (TORCHCAM[row.model]?.[method] ?? '') : '';
      const err = row.errors?.[method];
      const note = err ? ` (${err.length > 60 ? `${err.slice(0, 57)}...` : err})` : '';
      lines.push(
        `| ${row.model} | ${row.batch} | ${method}${note} | ${fmt(c)} | ${fmt(p)} | ${ratio(c, p)} | ${pub} |`,
      );
    }
  }
  return lines.join('\n');
}

const started = performance.now();
const load0 = loadavg();
const cli = await cliRow();
const results = [];
for (const backend of BACKENDS) {
  if (backend !== 'wasm') await selectBackend(backend);
  results.push([backend, await camkitRows(backend)]);
}
const torch = torchRows();
const load1 = loadavg();
const md = [
  `# Latency: overhead beyond the forward pass (torch-cam's protocol)`,
  '',
  `${SIZE}×${SIZE}, batches ${BATCHES.join(', ')}, median of ${ROUNDS} after one warm-up (Score-CAM and Ablation-CAM: ${HEAVY_BATCHES.length ? `one run, at batch ${HEAVY_BATCHES.join(', ')} only` : 'not run'}). ` +
    `Overhead = median(input → maps on the host) − median(forward to logits on the host). Class ${TARGET} for every image. ` +
    `camkit: tfjs ${tf.version_core}, random weights; PyTorch ${torch.torch} / torchvision ${torch.torchvision}, ${torch.threads} threads. ` +
    `${cpus().length} cores (${cpus()[0]?.model ?? '?'}); load average ${load0.map((v) => v.toFixed(2)).join(' ')} at the start, ${load1.map((v) => v.toFixed(2)).join(' ')} at the end; ${((performance.now() - started) / 1000).toFixed(0)} s.`,
  '',
  ...results.flatMap(([backend, rows]) => [table(rows, torch, backend), '']),
  `CLI backend setup (${cli.backend}): fused CAM kernels ${cli.registered ? 'registered' : 'NOT registered'} by selectBackend. resnet18, batch 1, ms:`,
  '',
  '| method | as the CLI runs it | stock op chain | fused kernels | stock / fused |',
  '|---|---|---|---|---|',
  ...Object.entries(cli.methods).map(
    ([m, v]) => `| ${m} | ${fmt(v.cli)} | ${fmt(v.stock)} | ${fmt(v.fused)} | ${ratio(v.stock, v.fused)} |`,
  ),
  '',
].join('\n');
process.stdout.write(md);
if (process.env.LATENCY_OUT) writeFileSync(process.env.LATENCY_OUT, md);
