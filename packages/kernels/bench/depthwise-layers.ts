// Depthwise-conv gradients on wasm, camkit's generated SIMD kernels, in GB/s of the bytes they
// must move (read x or dy and the other operand once, write the result once) — depthwise work is
// memory-bound (kH·kW multiply-adds per element) — beside stock XNNPACK's forward depthwise conv
// on the same layer (the memory-bound ceiling tfjs reaches) and camkit's JavaScript fallback.
// Shapes: MobileNetV2's depthwise layers at 224×224 (and EfficientNet-B0's 5×5 ones), scaled by
// --size. Median of --rounds after one warm-up round.
//   pnpm --filter @camkit/kernels bench:depthwise [-- --rounds 5 --batch 16 --size 224]
import '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { convGeometry } from '../src/training/conv-geometry.js';
import { registerWasmTrainingKernels } from '../src/training/index.js';
import { depthwiseGradWasm } from '../src/training/simd/depthwise-grad-simd.js';
import type { WasmBackendLike } from '../src/training/wasm-kernel-calls.js';
import { arg, median, once } from './layer-timing.js';

const ROUNDS = Number(arg('rounds', '5'));
const N = Number(arg('batch', '16'));
const SIZE = Number(arg('size', '224'));

await tf.setBackend('wasm');
registerWasmTrainingKernels();
const backend = tf.backend() as unknown as WasmBackendLike;

// [input side at 224, channels, kernel, stride] of the layers.
const LAYERS: [number, number, number, number][] = [
  [112, 96, 3, 2],
  [56, 144, 3, 1],
  [28, 192, 3, 1],
  [14, 384, 3, 1],
  [7, 960, 3, 1],
  [28, 240, 5, 2],
  [14, 672, 5, 1],
];

console.log(
  `Depthwise-conv gradients on wasm, batch ${N}, inputs at ${SIZE}×${SIZE}: ms (median of ${ROUNDS}) and GB/s of the bytes moved\n`,
);
console.log(
  '| layer | filter grad (SIMD) | input grad (SIMD) | forward (stock XNNPACK) | filter / input grad (JS fallback) |',
);
console.log('|---|---:|---:|---:|---:|');
for (const [side, c, k, s] of LAYERS) {
  const h = Math.max(1, Math.round((side * SIZE) / 224));
  const x = tf.randomNormal([N, h, h, c]) as tf.Tensor4D;
  const w = tf.randomNormal([k, k, c, 1]) as tf.Tensor4D;
  const y = tf.depthwiseConv2d(x, w, s, 'same');
  const dy = tf.randomNormal(y.shape) as tf.Tensor4D;
  y.dispose();
  const attrs = { strides: s, pad: 'same' as const, dilations: 1 };
  const g = convGeometry('DepthwiseConv2dNativeBackpropFilter', x.shape, w.shape, dy.shape, attrs, true);
  const kernel = (kind: 'filterGrad' | 'inputGrad', scalar: boolean) => () => {
    const [a, b] = kind === 'filterGrad' ? [x, dy] : [dy, w];
    const r = depthwiseGradWasm(backend, kind, a, b, g, { scalar });
    if (r.simd === scalar) throw new Error('the generated kernel did not run');
    return tf.engine().makeTensorFromTensorInfo(r.out);
  };
  const fwd = () => tf.depthwiseConv2d(x, w, s, 'same');
  const t = {
    fil: [] as number[],
    inp: [] as number[],
    fwd: [] as number[],
    js: [] as number[],
    jsIn: [] as number[],
  };
  for (let r = -1; r < ROUNDS; r++) {
    const row = [once(kernel('filterGrad', false)), once(kernel('inputGrad', false)), once(fwd)];
    const js = r < 1 ? [once(kernel('filterGrad', true)), once(kernel('inputGrad', true))] : [];
    if (r < 0) continue;
    t.fil.push(row[0] as number);
    t.inp.push(row[1] as number);
    t.fwd.push(row[2] as number);
    if (js.length) {
      t.js.push(js[0] as number);
      t.jsIn.push(js[1] as number);
    }
  }
  // Minimal traffic, float32: filter grad reads x and dy, writes dW; input grad reads dy and W,
  // writes dx; forward reads x and W, writes y.
  const bytes = { fil: 4 * (x.size + dy.size + w.size), inp: 4 * (dy.size + w.size + x.size) };
  const gbs = (b: number, ms: number) => (b / ms / 1e6).toFixed(1);
  const cell = (b: number, v: number[]) => `${median(v).toFixed(2)} ms, ${gbs(b, median(v))} GB/s`;
  console.log(
    `| ${h}×${h}×${c}, ${k}×${k}/${s} | ${cell(bytes.fil, t.fil)} | ${cell(bytes.inp, t.inp)} | ${cell(4 * (x.size + w.size + dy.size), t.fwd)} | ${median(t.js).toFixed(1)} / ${median(t.jsIn).toFixed(1)} ms |`,
  );
  tf.dispose([x, w, dy]);
}
