// Per-layer conv timings on wasm, the camkit kernels vs the formulations they replaced, in ONE run
// (alternating, median of rounds): forward conv (Winograd F(2×2,3×3) vs stock XNNPACK), filter
// gradient (Winograd F(3×3,2×2) / 4×8 SIMD kernel vs one XNNPACK conv with dy as weights), input
// gradient (Winograd vs one XNNPACK conv with the flipped filter). Shapes: the no-pool net
// 16/32/64/64 at 64×64, batch 32 (the training reference point).
//   pnpm --filter @camkit/kernels bench:layers [-- --rounds 5 --batch 32 --size 64]
import '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { conv2DBackpropFilterXnnpack } from '../src/training/conv2d-backprop-filter-wasm.js';
import { conv2DWasmConfig } from '../src/training/conv2d-wasm.js';
import { registerWasmTrainingKernels } from '../src/training/index.js';
import { stockKernel } from '../src/training/stock-kernels.js';
import type { WasmBackendLike } from '../src/training/wasm-kernel-calls.js';
import { arg, median, once } from './layer-timing.js';

const ROUNDS = Number(arg('rounds', '5'));
const N = Number(arg('batch', '32'));
const S = Number(arg('size', '64'));

await tf.setBackend('wasm');
registerWasmTrainingKernels();
const backend = tf.backend() as unknown as WasmBackendLike;

const rows: string[] = [];
for (const [ci, co] of [
  [3, 16],
  [16, 32],
  [32, 64],
  [64, 64],
] as const) {
  const x = tf.randomNormal([N, S, S, ci]) as tf.Tensor4D;
  const w = tf.randomNormal([3, 3, ci, co]) as tf.Tensor4D;
  const dy = tf.randomNormal([N, S, S, co]) as tf.Tensor4D;
  const attrs = { strides: [1, 1] as [number, number], pad: 'same' as const, dataFormat: 'NHWC' as const };
  const fwd = () => tf.conv2d(x, w, 1, 'same');
  const filter = () =>
    tf
      .engine()
      .runKernel('Conv2DBackpropFilter', { x, dy }, { ...attrs, filterShape: [3, 3, ci, co] }) as tf.Tensor;
  const filterXnn = () => {
    const info = conv2DBackpropFilterXnnpack({
      inputs: { x, dy },
      backend,
      attrs: { ...attrs, filterShape: [3, 3, ci, co] },
    });
    return tf.engine().makeTensorFromTensorInfo(info);
  };
  const input = () =>
    tf
      .engine()
      .runKernel(
        'Conv2DBackpropInput',
        { dy, filter: w },
        { ...attrs, inputShape: [N, S, S, ci] },
      ) as tf.Tensor;
  const t = {
    fwdNew: [] as number[],
    fwdOld: [] as number[],
    filNew: [] as number[],
    filOld: [] as number[],
    inNew: [] as number[],
    inOld: [] as number[],
  };
  for (let r = -1; r < ROUNDS; r++) {
    const a = [once(fwd), once(filter), once(input)];
    const fo = once(filterXnn);
    // The stock XNNPACK Conv2D in place of camkit's: the old forward, and the old input gradient
    // (camkit's flipped-filter formulation on XNNPACK).
    tf.unregisterKernel('Conv2D', 'wasm');
    tf.registerKernel(stockKernel('Conv2D') as tf.KernelConfig);
    const b = once(fwd);
    const inOld = once(input);
    tf.unregisterKernel('Conv2D', 'wasm');
    tf.registerKernel(conv2DWasmConfig);
    if (r < 0) continue; // warm-up round
    t.fwdNew.push(a[0] as number);
    t.filNew.push(a[1] as number);
    t.inNew.push(a[2] as number);
    t.filOld.push(fo);
    t.fwdOld.push(b);
    t.inOld.push(inOld);
  }
  tf.dispose([x, w, dy]);
  const cell = (n: number[], o: number[]) =>
    `${median(n).toFixed(1)} vs ${median(o).toFixed(1)} (${(median(o) / median(n)).toFixed(2)}×)`;
  rows.push(
    `| ${ci}→${co} | ${cell(t.fwdNew, t.fwdOld)} | ${cell(t.filNew, t.filOld)} | ${cell(t.inNew, t.inOld)} |`,
  );
}
console.log(
  `Conv layers on wasm, ${N}×${S}×${S}, 3×3 'same': camkit vs the replaced formulation, ms (median of ${ROUNDS})\n`,
);
console.log('| layer | forward conv | filter gradient | input gradient |');
console.log('|---|---:|---:|---:|');
for (const r of rows) console.log(r);
