// WebGPU on a real adapter (the GPU machine): what ran, the CamFuse case table for correctness,
// then fused vs stock ops on the issue's shapes. Bundled by bench/bundle-device.mjs and run with
// plain node there:  node webgpu-device.mjs [--icd FILE] [--quick] [--out DIR]
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Tensor2D } from '@tensorflow/tfjs-core';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const quick = process.argv.includes('--quick');
const outDir = arg('out') ?? '.';
const icd = arg('icd');
if (icd) {
  process.env.VK_ICD_FILENAMES = icd;
  process.env.VK_DRIVER_FILES = icd;
}
process.env.XDG_RUNTIME_DIR = mkdtempSync(join(tmpdir(), 'camkit-xdg-'));

const { create, globals } = await import('webgpu');
Object.assign(globalThis, globals);
// Dawn rounds timestamps to 2^16 ns unless told not to; kernel times here are measurements, not a side channel.
const gpu = create(['disable-dawn-features=timestamp_quantization']);
Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });

const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
if (!adapter) throw new Error('no WebGPU adapter');
const info = adapter.info;
const adapterLine = `vendor=${info.vendor} architecture=${info.architecture} device=${info.device} description=${info.description} fallback=${(adapter as unknown as { isFallbackAdapter?: boolean }).isFallbackAdapter ?? info.isFallbackAdapter}`;
console.log(`adapter: ${adapterLine}`);
console.log(
  `limits: maxStorageBufferBindingSize=${adapter.limits.maxStorageBufferBindingSize} maxBufferSize=${adapter.limits.maxBufferSize} features=${[...adapter.features].join(',')}`,
);

const tf = await import('@tensorflow/tfjs-core');
await import('@tensorflow/tfjs-backend-webgpu');
tf.env().set('WEBGPU_CPU_FORWARD', false);
if (!(await tf.setBackend('webgpu'))) throw new Error('webgpu backend failed');
const { registerCamkitKernels, camFuse, camFuseImpl } = await import('../src/index.js');
await registerCamkitKernels();
const { CAM_CASES } = await import('../test/cam-cases.js');
const { camReferenceF64 } = await import('../test/cam-reference-f64.js');
const { camAttrs, drawInputs, maxRelErr, countNaN } = await import('../test/cam-helpers.js');
const { benchCamFuse, benchWeights, toMarkdown } = await import('./cam-bench.js');
const { ISSUE_SHAPES, SMALL_SHAPES } = await import('./shapes.js');

// 1. Correctness: the shared case table, poisoned outputs, float64 reference, leak check.
let failures = 0;
for (const cs of CAM_CASES) {
  const { features, weights, wShape } = drawInputs(cs);
  const attrs = camAttrs(cs);
  const ref = camReferenceF64(features, weights, cs, { outH: cs.outH, outW: cs.outW, ...attrs });
  const f = tf.tensor4d(features, [cs.n, cs.h, cs.w, cs.k]);
  const wAny = tf.tensor(weights, wShape);
  const w = wAny as Tensor2D;
  for (const shape of [
    [cs.n, cs.c, cs.outH, cs.outW],
    [cs.n, cs.c, cs.h * cs.w],
  ]) {
    const p = tf.fill(shape, Number.NaN);
    await p.data();
    p.dispose();
  }
  const before = tf.memory().numTensors;
  const out = camFuse(f, w, attrs);
  const got = await out.data();
  out.dispose();
  const err = maxRelErr(got, ref);
  const nan = countNaN(got);
  const ok = nan === 0 && err < 2e-4 && tf.memory().numTensors === before;
  if (!ok) failures++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${cs.name}: max rel err ${err.toExponential(2)}, unwritten ${nan}`);
  tf.dispose([f, w]);
}
// The issue's C=1 shape against the cpu implementation (too big for the float64 loop).
{
  const s = ISSUE_SHAPES[0] as (typeof ISSUE_SHAPES)[number];
  const features = Float32Array.from({ length: s.n * s.h * s.w * s.k }, () =>
    Math.max(0, Math.random() * 2 - 1),
  );
  const weights = Float32Array.from({ length: s.n * s.k * s.c }, () => Math.random() * 2 - 1);
  const attrs = {
    outSize: [s.outH, s.outW] as [number, number],
    relu: true,
    normalize: true,
    halfPixel: true,
  };
  const ref = camFuseImpl(features, [s.n, s.h, s.w, s.k], weights, [s.n, s.k, s.c], attrs);
  const out = camFuse(
    tf.tensor4d(features, [s.n, s.h, s.w, s.k]),
    tf.tensor3d(weights, [s.n, s.k, s.c]),
    attrs,
  );
  const got = await out.data();
  const err = maxRelErr(got, ref);
  const ok = countNaN(got) === 0 && err < 2e-4;
  if (!ok) failures++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${s.name} vs cpu impl: max rel err ${err.toExponential(2)}`);
}
console.log(`correctness: ${CAM_CASES.length + 1 - failures}/${CAM_CASES.length + 1} passed`);

// 2. Benchmark, fused vs stock ops on this adapter, throughput of queued calls.
const rows = [];
const opts = {
  warmup: 1,
  reps: quick ? 2 : 10,
  pipelined: true,
  gpuTimers: true,
  bandwidthGBs: 3350,
  log: console.log,
};
const limit = adapter.limits.maxStorageBufferBindingSize;
const shapes = quick ? SMALL_SHAPES.slice(0, 1) : [...SMALL_SHAPES, ...ISSUE_SHAPES];
for (const s0 of shapes) {
  const perImage = 4 * s0.c * s0.outH * s0.outW;
  const n = Math.min(s0.n, Math.floor(limit / perImage));
  const s = n === s0.n ? s0 : { ...s0, n, name: s0.name.replace(`N=${s0.n}`, `N=${n}`) };
  try {
    rows.push(await benchCamFuse(s, { ...opts, reps: s.c > 1 && s.n > 4 ? 3 : opts.reps }));
  } catch (err) {
    console.log(`bench ${s.name} failed: ${(err as Error).message.split('\n')[0]}`);
  }
}
if (!quick) rows.push(...(await benchWeights(ISSUE_SHAPES[0] as (typeof ISSUE_SHAPES)[number], opts)));
const md = `adapter: ${adapterLine}\n\n${toMarkdown(rows)}\n`;
console.log(`\n${md}`);
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'webgpu-bench.md'), md);
process.exitCode = failures ? 1 : 0;
