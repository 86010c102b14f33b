// One data-parallel replica: its own tfjs backend (wasm: one XNNPACK thread per worker) and a copy
// of the model. Computes the gradient of its shard of each batch and, in replica mode, applies the
// averaged gradient with its own Adam, which stays bit-identical to every other replica's.
import '@tensorflow/tfjs'; // registers tfjs's gradient configs (tfjs-core's node bundle has none)
import '@tensorflow/tfjs-backend-wasm';
import { parentPort } from 'node:worker_threads';
import { registerWasmTrainingKernels } from '@camkit/kernels';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { applyAdamW, decayedNames } from '../recipe/adamw-step.js';
import { smoothedCrossEntropySum } from '../recipe/cross-entropy.js';
import { restoreAdam } from '../recipe/restore-adam.js';
import type { AdamConfig, FromWorker, InitMessage, StepMessage, ToWorker } from './protocol.js';
import { initThreadedWasmBackend } from './wasm-threads.js';

const port = parentPort!;
let model: tfl.LayersModel | null = null;
let optimizer: tf.AdamOptimizer | null = null;
let vars: tf.Variable[] = [];
let decay = new Set<string>();
let adamConfig: AdamConfig | null = null;
let labelSmoothing = 0;

function post(msg: FromWorker, transfer: ArrayBuffer[] = []): void {
  port.postMessage(msg, transfer);
}

async function init(msg: InitMessage): Promise<void> {
  if (msg.backend === 'wasm') registerWasmTrainingKernels();
  if (msg.backend === 'wasm' && msg.wasmThreads > 1) await initThreadedWasmBackend(msg.wasmThreads);
  else if (!(await tf.setBackend(msg.backend)))
    throw new Error(`backend '${msg.backend}' failed to initialise`);
  model = await tfl.models.modelFromJSON({ modelTopology: msg.topology as tf.io.ModelJSON['modelTopology'] });
  setWeights(msg.weights);
  vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  decay = decayedNames(vars);
  adamConfig = msg.adam;
  labelSmoothing = msg.labelSmoothing;
  if (msg.applyOnReplica) {
    const { learningRate, beta1, beta2, epsilon } = msg.adam;
    optimizer = tf.train.adam(learningRate, beta1, beta2, epsilon ?? undefined);
  }
  post({ type: 'ready', trainableShapes: vars.map((v) => v.shape) });
}

function setWeights(weights: Float32Array[]): void {
  const tensors = model!.getWeights().map((w, i) => tf.tensor(weights[i], w.shape));
  model!.setWeights(tensors);
  tf.dispose(tensors);
}

function apply(grads: Float32Array[], lr: number): void {
  const named: tf.NamedTensorMap = {};
  vars.forEach((v, i) => {
    named[v.name] = tf.tensor(grads[i], v.shape);
  });
  applyAdamW(optimizer!, vars, named, lr, adamConfig!.weightDecay, decay);
  tf.dispose(Object.values(named));
}

function prepare(msg: {
  apply: Float32Array[] | null;
  lr: number | null;
  weights: Float32Array[] | null;
}): void {
  if (msg.apply) apply(msg.apply, msg.lr ?? adamConfig!.learningRate);
  if (msg.weights) setWeights(msg.weights);
}

async function step(msg: StepMessage): Promise<void> {
  const t0 = performance.now();
  prepare(msg);
  const m = model!;
  const shape = m.inputs[0].shape.slice(1) as number[];
  const classes = m.outputs[0].shape[m.outputs[0].shape.length - 1] as number;
  let correct: tf.Tensor | null = null;
  const { value, grads } = tf.tidy(() => {
    const xs = tf.tensor(msg.xs, [msg.count, ...shape]);
    const labels = tf.tensor1d(msg.ys, 'int32');
    return tf.variableGrads(() => {
      const probs = m.apply(xs, { training: true }) as tf.Tensor2D;
      correct = tf.keep(tf.sum(tf.cast(tf.equal(tf.argMax(probs, 1), labels), 'float32')));
      // Σ over the shard / whole batch: shard gradients then add up to the full-batch gradient.
      const sum = smoothedCrossEntropySum(probs, labels, classes, labelSmoothing);
      return tf.div(sum, msg.totalBatch) as tf.Scalar;
    }, vars);
  });
  const out = await Promise.all(vars.map((v) => grads[v.name].data() as Promise<Float32Array>));
  const lossSum = (await value.data())[0] * msg.totalBatch;
  const hits = (await (correct as unknown as tf.Tensor).data())[0];
  tf.dispose([value, correct as unknown as tf.Tensor, ...Object.values(grads)]);
  post(
    { type: 'grads', id: msg.id, grads: out, lossSum, correct: hits, ms: performance.now() - t0 },
    out.map((g) => g.buffer as ArrayBuffer),
  );
}

async function handle(msg: ToWorker): Promise<void> {
  switch (msg.type) {
    case 'init':
      return init(msg);
    case 'step':
      return step(msg);
    case 'flush': {
      prepare(msg);
      const weights = msg.read
        ? await Promise.all(model!.getWeights().map((w) => w.data() as Promise<Float32Array>))
        : null;
      post(
        { type: 'flushed', id: msg.id, weights },
        weights ? weights.map((w) => w.buffer as ArrayBuffer) : [],
      );
      return;
    }
    case 'optimizer-get': {
      prepare({ apply: msg.apply, lr: msg.lr, weights: null });
      const slots = await Promise.all(
        (await optimizer!.getWeights()).map(async (w) => ({
          name: w.name,
          shape: w.tensor.shape,
          data: (await w.tensor.data()) as Float32Array,
        })),
      );
      post({ type: 'optimizer', id: msg.id, slots });
      return;
    }
    case 'optimizer-set': {
      prepare({ apply: msg.apply, lr: msg.lr, weights: null });
      await restoreAdam(optimizer!, msg.slots);
      post({ type: 'optimizer', id: msg.id, slots: [] });
      return;
    }
    case 'close':
      optimizer?.dispose();
      model?.dispose();
      port.close();
      return;
  }
}

// Messages are handled strictly in order: a step must see the previous apply.
let queue: Promise<void> = Promise.resolve();
port.on('message', (msg: ToWorker) => {
  queue = queue
    .then(() => handle(msg))
    .catch((err: unknown) => {
      post({ type: 'error', message: String((err as Error)?.message ?? err).split('\n')[0] });
    });
});
