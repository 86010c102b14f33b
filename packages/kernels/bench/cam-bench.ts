import * as tf from '@tensorflow/tfjs-core';
import { gradcamPlusPlusWeights, gradcamWeights } from '@camkit/core';
import { camFuse, camFuseOpChain } from '../src/index.js';
import { type BenchShape, chainBytes, fusedBytes, fusedFlops } from './shapes.js';

/** One timed comparison, fused vs stock ops, same backend, same run. */
export interface BenchRow {
  backend: string;
  op: string;
  shape: string;
  fusedMs: number;
  stockMs: number;
  /** stockMs / fusedMs: above 1 means the fused op is faster. */
  speedup: number;
  fusedMB: number;
  stockMB: number;
  /** Time the fused op's bytes need at `bandwidthGBs`, when a bandwidth was given. */
  floorMs?: number;
  /** floorMs / fusedMs. */
  ofFloor?: number;
  /** GPU time of the kernels alone (tf.time's kernelMs: timestamp queries), when measured. */
  fusedKernelMs?: number;
  stockKernelMs?: number;
  /** Max |fused - stock| over the output, so a fast wrong kernel cannot hide in a table. */
  maxAbsDiff: number;
}

export interface BenchOptions {
  warmup: number;
  reps: number;
  /**
   * GPU: time `reps` calls queued back to back and settle once (throughput, launch latency
   * amortised) instead of settling after every call.
   */
  pipelined?: boolean;
  /** Also read the GPU's own kernel times through tf.time (webgpu with timestamp-query). */
  gpuTimers?: boolean;
  /** Memory bandwidth for the floor, GB/s (e.g. 3350 for H100 HBM3). */
  bandwidthGBs?: number;
  log?: (line: string) => void;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

// Waits for everything queued on the backend: reading one element of the last result waits for the
// queue (in order on webgpu) without timing a readback of the whole output.
async function settle(t: tf.Tensor): Promise<void> {
  const one = tf.tidy(() => tf.slice(tf.reshape(t, [-1]), [0], [1]));
  await one.data();
  one.dispose();
}

async function timeOnce(fn: () => tf.Tensor): Promise<number> {
  const t0 = performance.now();
  const t = fn();
  await settle(t);
  const ms = performance.now() - t0;
  t.dispose();
  return ms;
}

/** ms per call of `reps` calls queued back to back (each result freed once queued), one settle. */
async function timeQueued(fn: () => tf.Tensor, reps: number): Promise<number> {
  const t0 = performance.now();
  let last: tf.Tensor | null = null;
  for (let i = 0; i < reps; i++) {
    last?.dispose();
    last = fn();
  }
  if (last) {
    await settle(last);
    last.dispose();
  }
  return (performance.now() - t0) / reps;
}

/**
 * Median ms per call of each of `fused` and `stock`, timed alternately (fused, stock, fused, ...)
 * so that load from other processes on a shared machine falls on both alike.
 */
async function timePair(
  fused: () => tf.Tensor,
  stock: () => tf.Tensor,
  o: BenchOptions,
): Promise<[number, number]> {
  if (o.pipelined) {
    await timeOnce(fused);
    await timeOnce(stock);
    const a: number[] = [];
    const b: number[] = [];
    for (let round = 0; round < 3; round++) {
      a.push(await timeQueued(fused, o.reps));
      b.push(await timeQueued(stock, o.reps));
    }
    return [median(a), median(b)];
  }
  for (let i = 0; i < o.warmup; i++) {
    await timeOnce(fused);
    await timeOnce(stock);
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < o.reps; i++) {
    a.push(await timeOnce(fused));
    b.push(await timeOnce(stock));
  }
  return [median(a), median(b)];
}

/** Median over 3 calls of tf.time's kernelMs (the sum of the call's GPU kernel durations). */
async function kernelMs(fn: () => tf.Tensor, log?: (line: string) => void): Promise<number | undefined> {
  const xs: number[] = [];
  let breakdown = '';
  for (let i = 0; i < 3; i++) {
    const info = await tf.time(() => {
      fn().dispose();
    });
    if (typeof info.kernelMs !== 'number') return undefined;
    xs.push(info.kernelMs);
    breakdown = (info as { getExtraProfileInfo?: () => string }).getExtraProfileInfo?.() ?? '';
  }
  // Per-program GPU ms of the last call: shows which pass the time goes to.
  if (breakdown) log?.(`    programs: ${breakdown}`);
  return median(xs);
}

async function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): Promise<number> {
  const d = tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))));
  const v = (await d.data())[0] as number;
  d.dispose();
  return v;
}

function row(
  backend: string,
  op: string,
  shape: string,
  fusedMs: number,
  stockMs: number,
  fusedB: number,
  stockB: number,
  diff: number,
  o: BenchOptions,
): BenchRow {
  const r: BenchRow = {
    backend,
    op,
    shape,
    fusedMs,
    stockMs,
    speedup: stockMs / fusedMs,
    fusedMB: fusedB / 1e6,
    stockMB: stockB / 1e6,
    maxAbsDiff: diff,
  };
  if (o.bandwidthGBs) {
    r.floorMs = fusedB / (o.bandwidthGBs * 1e6);
    r.ofFloor = r.floorMs / fusedMs;
  }
  return r;
}

/** camFuse (gray: relu + normalize, half-pixel) vs camFuseOpChain on the active backend. */
export async function benchCamFuse(s: BenchShape, o: BenchOptions): Promise<BenchRow> {
  const backend = tf.getBackend();
  const features = tf.tidy(() => tf.relu(tf.randomNormal([s.n, s.h, s.w, s.k])) as tf.Tensor4D);
  const weights = tf.randomNormal([s.n, s.k, s.c]) as tf.Tensor3D;
  const attrs = {
    outSize: [s.outH, s.outW] as [number, number],
    relu: true,
    normalize: true,
    halfPixel: true,
  };
  const fused = () => camFuse(features, weights, attrs);
  const stock = () => camFuseOpChain(features, weights, attrs);
  const a = fused();
  const b = stock();
  const diff = await maxAbsDiff(a, b);
  tf.dispose([a, b]);
  const [fusedMs, stockMs] = await timePair(fused, stock, o);
  const r = row(backend, 'camFuse', s.name, fusedMs, stockMs, fusedBytes(s), chainBytes(s), diff, o);
  if (o.gpuTimers) {
    r.fusedKernelMs = await kernelMs(fused, o.log);
    r.stockKernelMs = await kernelMs(stock, o.log);
    o.log?.(
      `  GPU kernel time: fused ${r.fusedKernelMs?.toFixed(3)} ms, stock ${r.stockKernelMs?.toFixed(3)} ms`,
    );
  }
  tf.dispose([features, weights]);
  o.log?.(
    `${backend} camFuse ${s.name}: fused ${fusedMs.toFixed(2)} ms, stock ${stockMs.toFixed(2)} ms, x${r.speedup.toFixed(2)}, ${(fusedFlops(s) / 1e9).toFixed(2)} GFLOP`,
  );
  return r;
}

/** gradcamWeights vs tf.mean, and gradcamPlusPlusWeights vs its stock-op formula. */
export async function benchWeights(s: BenchShape, o: BenchOptions): Promise<BenchRow[]> {
  const backend = tf.getBackend();
  const g = tf.randomNormal([s.n, s.h, s.w, s.k]) as tf.Tensor4D;
  const act = tf.tidy(() => tf.relu(tf.randomNormal([s.n, s.h, s.w, s.k])) as tf.Tensor4D);
  const bytes = 4 * (s.n * s.h * s.w * s.k + s.n * s.k);
  const rows: BenchRow[] = [];

  const stockMean = () => tf.mean(g, [1, 2]);
  let a = gradcamWeights(g);
  let b = stockMean();
  let diff = await maxAbsDiff(a, b);
  tf.dispose([a, b]);
  const [meanFused, meanStock] = await timePair(() => gradcamWeights(g), stockMean, o);
  rows.push(row(backend, 'gradcamWeights', s.name, meanFused, meanStock, bytes, bytes, diff, o));

  const stockPP = () =>
    tf.tidy(() => {
      const g2 = tf.square(g);
      const g3 = tf.mul(g2, g);
      const sumA = tf.sum(act, [1, 2], true);
      const aij = tf.div(g2, tf.add(tf.add(tf.mul(g2, 2), tf.mul(sumA, g3)), 1e-6));
      const masked = tf.where(tf.notEqual(g, 0), aij, tf.zerosLike(aij));
      return tf.sum(tf.mul(tf.relu(g), masked), [1, 2]);
    });
  a = gradcamPlusPlusWeights(act, g);
  b = stockPP();
  diff = await maxAbsDiff(a, b);
  tf.dispose([a, b]);
  const [ppFused, ppStock] = await timePair(() => gradcamPlusPlusWeights(act, g), stockPP, o);
  // Stock: g read ~6x, A once, four full-size temporaries written and read back.
  rows.push(row(backend, 'gradcamPlusPlusWeights', s.name, ppFused, ppStock, 2 * bytes, bytes * 14, diff, o));
  tf.dispose([g, act]);
  for (const r of rows) {
    o.log?.(
      `${backend} ${r.op} ${s.name}: fused ${r.fusedMs.toFixed(2)} ms, stock ${r.stockMs.toFixed(2)} ms, x${r.speedup.toFixed(2)}`,
    );
  }
  return rows;
}

/** A markdown table of rows. */
export function toMarkdown(rows: BenchRow[]): string {
  const withFloor = rows.some((r) => r.floorMs !== undefined);
  const withKernel = rows.some((r) => r.fusedKernelMs !== undefined);
  const head = `| backend | op | shape | fused ms | stock ms | stock/fused | fused MB moved | stock MB moved |${withFloor ? ' floor ms | fused vs floor |' : ''}${withKernel ? ' GPU kernel ms fused / stock | kernel vs floor |' : ''} max abs diff |`;
  const sep = `|---|---|---|---:|---:|---:|---:|---:|${withFloor ? '---:|---:|' : ''}${withKernel ? '---:|---:|' : ''}---:|`;
  const lines = rows.map(
    (r) =>
      `| ${r.backend} | ${r.op} | ${r.shape} | ${r.fusedMs.toFixed(2)} | ${r.stockMs.toFixed(2)} | **${r.speedup.toFixed(2)}x** | ${r.fusedMB.toFixed(1)} | ${r.stockMB.toFixed(1)} |${
        withFloor ? ` ${r.floorMs?.toFixed(3)} | ${((r.ofFloor ?? 0) * 100).toFixed(1)}% |` : ''
      }${
        withKernel
          ? ` ${r.fusedKernelMs?.toFixed(3) ?? '-'} / ${r.stockKernelMs?.toFixed(3) ?? '-'} | ${
              r.fusedKernelMs && r.floorMs ? `${((r.floorMs / r.fusedKernelMs) * 100).toFixed(1)}%` : '-'
            } |`
          : ''
      } ${r.maxAbsDiff.toExponential(1)} |`,
  );
  return [head, sep, ...lines].join('\n');
}
