// Latency table in torch-cam's protocol: per-method overhead beyond the forward pass, 224×224,
// batch 1 and 16, resnet18 and mobilenet_v3_large (torchvision's architectures, random weights),
// camkit on wasm with its kernels (webgpu too when LATENCY_BACKENDS names it) side by side with
// PyTorch CPU (2 threads, bench/latency_torch.py: a hook implementation of pytorch-grad-cam's
// maths), in one run. Plus a row showing whether the CLI's backend setup gets the fused CAM
// kernels, and what they are worth (fused vs the stock op chain, same run).
//
// Forward and methods are interleaved: in every round each method runs right after a forward
// pass on the same input, and its overhead is the median over rounds of (method_r − forward_r),
// so a forward time that drifts during the run (it moved 2× between separate blocks) cancels.
//
// Usage: pnpm --filter @camkit/node-runner bench:latency [-- --quick | --reduced]
//   (none)     the full protocol: 224, batch 1 and 16, 5 rounds, every method (30-60 min, see ETA)
//   --reduced  224, batch 1, 7 rounds, no Score-/Ablation-CAM, SmoothGrad, integrated gradients
//   --quick    a smoke run: 32×32, batch 1, 1 round, no Score-/Ablation-CAM
// Env (overrides the preset): LATENCY_SIZE LATENCY_BATCHES LATENCY_ROUNDS LATENCY_MODELS
//      (resnet18,mobilenet_v3_large) LATENCY_METHODS (every camkit method) LATENCY_HEAVY_BATCHES
//      (batches at which Score-CAM and Ablation-CAM run) LATENCY_BACKENDS (wasm; the CLI row
//      runs when it names wasm) LATENCY_TORCH_DEVICE (cpu, or cuda on a GPU machine)
//      LATENCY_PYTHON (/usr/bin/python3: Debian's, which holds python3-torch)
//      LATENCY_THREADS (XNNPACK threads of camkit's wasm; default the CLI's: one per core, ≤ 4)
//      LATENCY_OUT (a markdown file to write the table to)
// An ETA is printed to stderr after each block's warm-up (from the warm-up times).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
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
import { cpuLine } from './machine.mjs';

const PRESETS = {
  full: { size: '224', batches: '1,16', rounds: '5', heavy: '1', skip: [] },
  reduced: {
    size: '224',
    batches: '1',
    rounds: '7',
    heavy: '',
    skip: ['smoothgrad', 'integrated-gradients'],
  },
  quick: { size: '32', batches: '1', rounds: '1', heavy: '', skip: [] },
};
const flags = process.argv.slice(2).filter((a) => a !== '--');
const unknown = flags.filter((a) => a !== '--quick' && a !== '--reduced');
if (unknown.length || flags.length > 1) {
  process.stderr.write(
    `latency: unknown or extra option ${unknown[0] ?? flags[1]} (use --quick or --reduced)\n`,
  );
  process.exit(2);
}
const PRESET_NAME = flags[0]?.slice(2) ?? 'full';
const PRESET = PRESETS[PRESET_NAME];
const env = (k, d) => process.env[k] ?? d;
const list = (k, d) =>
  env(k, d)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const SIZE = Number(env('LATENCY_SIZE', PRESET.size));
const BATCHES = list('LATENCY_BATCHES', PRESET.batches).map(Number);
const ROUNDS = Number(env('LATENCY_ROUNDS', PRESET.rounds));
const MODELS = list('LATENCY_MODELS', 'resnet18,mobilenet_v3_large');
const METHOD_LIST = list('LATENCY_METHODS', METHODS.filter((m) => !PRESET.skip.includes(m)).join(','));
// Run once per block (first round, no warm-up) at LATENCY_HEAVY_BATCHES only: Score-/Ablation-CAM
// are one forward per channel and image, SmoothGrad / IG 25 / 32 gradient passes per image in
// batches of 16, so their batch-16 cost is ~16× their batch-1 cost by construction.
const HEAVY = new Set(['scorecam', 'ablationcam', 'smoothgrad', 'integrated-gradients']);
const HEAVY_BATCHES = list('LATENCY_HEAVY_BATCHES', PRESET.heavy).map(Number);
for (const [k, v] of [
  ['LATENCY_SIZE', SIZE],
  ['LATENCY_ROUNDS', ROUNDS],
  ...BATCHES.map((b) => ['LATENCY_BATCHES', b]),
]) {
  if (!Number.isInteger(v) || v < 1) {
    process.stderr.write(`latency: ${k} must be positive integers (got ${process.env[k]})\n`);
    process.exit(2);
  }
}
const unknownMethod = METHOD_LIST.find((m) => !METHODS.includes(m));
if (unknownMethod) {
  process.stderr.write(
    `latency: LATENCY_METHODS: unknown method '${unknownMethod}' (one of ${METHODS.join(', ')})\n`,
  );
  process.exit(2);
}
const BACKENDS = list('LATENCY_BACKENDS', 'wasm');
const TORCH_DEVICE = env('LATENCY_TORCH_DEVICE', 'cpu');
if (TORCH_DEVICE !== 'cpu' && TORCH_DEVICE !== 'cuda') {
  process.stderr.write(`latency: LATENCY_TORCH_DEVICE must be cpu or cuda (got ${TORCH_DEVICE})\n`);
  process.exit(2);
}
const PYTHON = env('LATENCY_PYTHON', '/usr/bin/python3');
const THREADS = process.env.LATENCY_THREADS ? Number(process.env.LATENCY_THREADS) : undefined;
const TARGET = 232; // torch-cam's class index
const here = fileURLToPath(new URL('.', import.meta.url));
const STARTED = performance.now();

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
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
const secs = (ms) => `${(ms / 1000).toFixed(0)} s`;

async function timed(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

function inputs(batch) {
  const x = tf.tidy(() => tf.randomUniform([batch, SIZE, SIZE, 3], 0, 1, 'float32', 7));
  return x;
}

function forwardFn(model, x) {
  const lm = logitsModel(model);
  return async () => {
    const y = lm.predict(x);
    await y.data();
    y.dispose();
  };
}

function explainFn(model, x, method, layer) {
  const targets = Array.from({ length: x.shape[0] }, () => TARGET);
  return async () => {
    const before = tf.memory().numTensors;
    await explain(model, x, { method, layer, targets });
    if (tf.memory().numTensors !== before) throw new Error(`${method}: tensors leaked`);
  };
}

/**
 * One block (model, batch), interleaved: one warm-up of the forward and of each light method, then
 * ROUNDS rounds in which every method runs right after a forward pass on the same input (the order
 * rotates by round, so no method always follows another); heavy methods (Score-/Ablation-CAM,
 * SmoothGrad, IG) run in the first round only, without warm-up. Overhead of a method = median over its rounds of
 * (method_r − forward_r); forward = median of every forward pass. `heavyGuess(ms)` estimates a
 * heavy method's run from the forward time, for the ETA.
 */
async function interleaved(label, forward, methods, heavyGuess) {
  const errors = {};
  const ok = [];
  const fwdWarm = await timed(forward);
  let perRound = 0;
  let heavyEta = 0;
  for (const m of methods) {
    if (m.heavy) {
      ok.push(m);
      heavyEta += fwdWarm + heavyGuess(fwdWarm);
      continue;
    }
    try {
      perRound += fwdWarm + (await timed(m.fn));
      ok.push(m);
    } catch (e) {
      errors[m.name] = String(e.message).split('\n')[0];
    }
  }
  process.stderr.write(
    `${label}: warm-up done; this block ETA ~${secs(ROUNDS * perRound + heavyEta)} (${ROUNDS} rounds of ${secs(perRound)}${heavyEta ? `, heavy methods up to ~${secs(heavyEta)}` : ''}); ${secs(performance.now() - STARTED)} elapsed\n`,
  );
  const forwards = [];
  const diffs = Object.fromEntries(ok.map((m) => [m.name, []]));
  for (let r = 0; r < ROUNDS; r++) {
    const order = ok.map((_, i) => ok[(i + r) % ok.length]).filter((m) => !m.heavy || r === 0);
    for (const m of order) {
      if (errors[m.name]) continue;
      const f = await timed(forward);
      try {
        const t = await timed(m.fn);
        forwards.push(f);
        diffs[m.name].push(t - f);
      } catch (e) {
        errors[m.name] = String(e.message).split('\n')[0];
      }
    }
  }
  if (!forwards.length) forwards.push(fwdWarm);
  const out = {};
  for (const m of methods)
    out[m.name] = diffs[m.name]?.length && !errors[m.name] ? stats(diffs[m.name]) : null;
  return { forward: stats(forwards).median, methods: out, errors };
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
    const channels = model.getLayer(layer).outputShape[3];
    for (const batch of BATCHES) {
      const x = inputs(batch);
      const methods = METHOD_LIST.filter((m) => !HEAVY.has(m) || HEAVY_BATCHES.includes(batch)).map((m) => ({
        name: m,
        heavy: HEAVY.has(m),
        fn: explainFn(model, x, m, layer),
      }));
      // Score-/Ablation-CAM: about one forward per channel and image (upper end; for the ETA only).
      const block = await interleaved(
        `camkit ${backend} ${name} b${batch}`,
        forwardFn(model, x),
        methods,
        (f) => channels * f,
      );
      const row = { model: name, batch, ...block };
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
  const selection = await selectBackend('wasm', { threads: THREADS });
  const registered = hasCamFuseKernel();
  const model = resnet18({ inputSize: SIZE });
  const x = inputs(1);
  const out = { backend: selection.label, registered, methods: {} };
  const fused = (on) => {
    for (const [name, config] of FUSED) {
      if (tf.getKernel(name, 'wasm')) tf.unregisterKernel(name, 'wasm');
      if (on) tf.registerKernel(config);
    }
  };
  for (const method of ['gradcam', 'gradcam++']) {
    const fn = explainFn(model, x, method, ARCHS.resnet18.layer);
    const times = { cli: [], stock: [], fused: [] };
    await fn();
    // Interleaved like the methods: each round runs the three set-ups back to back.
    for (let r = 0; r < ROUNDS; r++) {
      fused(registered);
      times.cli.push(await timed(fn));
      fused(false);
      times.stock.push(await timed(fn));
      fused(true);
      times.fused.push(await timed(fn));
    }
    // Put the registry back as the CLI left it.
    fused(registered);
    out.methods[method] = { cli: median(times.cli), stock: median(times.stock), fused: median(times.fused) };
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
    device: TORCH_DEVICE,
  };
  const r = spawnSync(PYTHON, [`${here}latency_torch.py`, JSON.stringify(cfg)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0)
    throw new Error(
      `latency_torch.py failed (${r.status}) under ${PYTHON}; apt-get install -y python3-torch python3-torchvision`,
    );
  return JSON.parse(r.stdout);
}

const fmt = (v) => (v == null ? '—' : Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1));
// The median overhead and, when there were several rounds, the range of (method_r − forward_r).
const fmtOver = (o) =>
  o == null ? '—' : o.min === o.max ? fmt(o.median) : `${fmt(o.median)} (${fmt(o.min)} … ${fmt(o.max)})`;
// No ratio when either overhead is not positive (within noise of the forward pass).
const ratio = (a, b) => (a == null || b == null || b <= 0 || a <= 0 ? '—' : `${(a / b).toFixed(2)}×`);

function table(camkit, torch, backend) {
  const lines = [
    `| model | batch | method | camkit ${backend} overhead (ms) | PyTorch ${torch.device === 'cpu' ? 'CPU' : torch.device} overhead (ms) | camkit / PyTorch | torch-cam published (i7, b1) |`,
    // Overhead cells: median over rounds of (method_r − forward_r) and its range; forward rows: median.
    '|---|---|---|---|---|---|---|',
  ];
  for (const row of camkit) {
    const t = torch.results.find((r) => r.model === row.model && r.batch === row.batch);
    lines.push(
      `| ${row.model} | ${row.batch} | **forward** | ${fmt(row.forward)} | ${fmt(t?.forward)} | ${ratio(row.forward, t?.forward)} | |`,
    );
    for (const method of METHOD_LIST) {
      if (!(method in row.methods) && !(t && method in t.methods)) continue;
      const c = row.methods[method] ?? null;
      const p = t?.methods[method] ?? null;
      const pub = row.batch === 1 ? (TORCHCAM[row.model]?.[method] ?? '') : '';
      const err = row.errors?.[method];
      const note = err ? ` (${err.length > 60 ? `${err.slice(0, 57)}...` : err})` : '';
      lines.push(
        `| ${row.model} | ${row.batch} | ${method}${note} | ${fmtOver(c)} | ${fmtOver(p)} | ${ratio(c?.median, p?.median)} | ${pub} |`,
      );
    }
  }
  return lines.join('\n');
}

const started = STARTED;
const load0 = loadavg();
const cli = BACKENDS.includes('wasm') ? await cliRow() : null;
const results = [];
const labels = [];
for (const backend of BACKENDS) {
  labels.push((await selectBackend(backend, { threads: THREADS })).label);
  results.push([backend, await camkitRows(backend)]);
}
// What each backend ran on (wasm's threads, the GPU webgpu found).
const adapterNote = () => (labels.length ? ` (${labels.join('; ')})` : '');
const torch = torchRows();
const load1 = loadavg();
const md = [
  `# Latency: overhead beyond the forward pass (torch-cam's protocol)`,
  '',
  `${SIZE}×${SIZE} (preset ${PRESET_NAME}), batches ${BATCHES.join(', ')}, ${ROUNDS} interleaved rounds after one warm-up (Score-CAM, Ablation-CAM, SmoothGrad and integrated gradients: ${HEAVY_BATCHES.length ? `one run each, no warm-up, at batch ${HEAVY_BATCHES.join(', ')} only` : 'not run'}). ` +
    `In each round every method runs right after a forward pass to logits on the host, same input; overhead = median over rounds of (method_r − forward_r), with its range; forward = median of those forward passes. Class ${TARGET} for every image. ` +
    `camkit: tfjs ${tf.version_core}, random weights${adapterNote()}; PyTorch ${torch.torch} / torchvision ${torch.torchvision}, ${torch.device === 'cpu' ? `${torch.threads} threads` : `on ${torch.device}`}. ` +
    `${cpuLine()}; load average ${load0.map((v) => v.toFixed(2)).join(' ')} at the start, ${load1.map((v) => v.toFixed(2)).join(' ')} at the end; ${((performance.now() - started) / 1000).toFixed(0)} s.`,
  '',
  ...results.flatMap(([backend, rows]) => [table(rows, torch, backend), '']),
  ...(cli
    ? [
        `CLI backend setup (${cli.backend}): fused CAM kernels ${cli.registered ? 'registered' : 'NOT registered'} by selectBackend. resnet18, batch 1, ms:`,
        '',
        '| method | as the CLI runs it | stock op chain | fused kernels | stock / fused |',
        '|---|---|---|---|---|',
        ...Object.entries(cli.methods).map(
          ([m, v]) =>
            `| ${m} | ${fmt(v.cli)} | ${fmt(v.stock)} | ${fmt(v.fused)} | ${ratio(v.stock, v.fused)} |`,
        ),
        '',
      ]
    : []),
].join('\n');
process.stdout.write(md);
if (process.env.LATENCY_OUT) writeFileSync(process.env.LATENCY_OUT, md);
