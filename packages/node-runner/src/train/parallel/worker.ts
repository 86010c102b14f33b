// One data-parallel replica: its own tfjs backend (wasm: one XNNPACK thread per worker) and a copy
// of the model. Computes the gradient of its shard of each batch and, in replica mode, applies the
// averaged gradient with its own Adam, which stays bit-identical to every other replica's.
import '@tensorflow/tfjs'; // registers tfjs's gradient configs (tfjs-core's node bundle has none)
import '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels, useLargeWinogradTiles } from '@camkit/kernels';
import { enableWasmRelaxedSimd } from '@camkit/kernels/node';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { decayedNames } from '../recipe/adamw-step.js';
import { smoothedCrossEntropySum } from '../recipe/cross-entropy.js';
import { readAdamSlots } from '../recipe/read-adam-slots.js';
import { restoreAdam } from '../recipe/restore-adam.js';
import { serveWorker } from '../../workers/serve-worker.js';
import { withTransfer } from '../../workers/transfer.js';
import { applyGradientArrays } from './apply-gradients.js';
import type { AdamConfig, InitArgs, ReplicaHandlers, StepArgs, Update } from './protocol.js';
import { initThreadedWasmBackend } from '../../backend/wasm-threads.js';

let model: tfl.LayersModel | null = null;
let optimizer: tf.AdamOptimizer | null = null;
let vars: tf.Variable[] = [];
let decay = new Set<string>();
let adamConfig: AdamConfig | null = null;
let labelSmoothing = 0;

async function init(msg: InitArgs): Promise<void> {
  if (msg.backend === 'wasm') {
    registerWasmTrainingKernels();
    enableWasmRelaxedSimd(); // process-wide, so normally already on from the main thread
    // F(4×4, 3×3) Winograd in this thread: 1.78× fewer multiply-adds per conv; which max-pool
    // maximum takes a tied gradient does not matter to training (explanations keep F(2×2)).
    useLargeWinogradTiles(true);
  }
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
}

function setWeights(weights: Float32Array[]): void {
  const tensors = model!.getWeights().map((w, i) => tf.tensor(weights[i], w.shape));
  model!.setWeights(tensors);
  tf.dispose(tensors);
}

/** Applies what the main thread sent along: the previous step's gradient, then new weights. */
function prepare(msg: Update): void {
  if (msg.apply)
    applyGradientArrays(
      optimizer!,
      vars,
      msg.apply,
      msg.lr ?? adamConfig!.learningRate,
      adamConfig!.weightDecay,
      decay,
    );
  if (msg.weights) setWeights(msg.weights);
}

async function step(msg: StepArgs) {
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
  return withTransfer(
    { grads: out, lossSum, correct: hits, ms: performance.now() - t0 },
    out.map((g) => g.buffer as ArrayBuffer),
  );
}

// serveWorker runs calls strictly in order: a step sees the update sent before it.
serveWorker({
  init,
  step,
  async flush(msg) {
    prepare(msg);
    const weights = msg.read
      ? await Promise.all(model!.getWeights().map((w) => w.data() as Promise<Float32Array>))
      : null;
    return withTransfer(weights, weights ? weights.map((w) => w.buffer as ArrayBuffer) : []);
  },
  async getOptimizer(msg) {
    prepare({ ...msg, weights: null });
    return readAdamSlots(optimizer!);
  },
  async setOptimizer(msg) {
    prepare({ ...msg, weights: null });
    await restoreAdam(optimizer!, msg.slots);
  },
} satisfies ReplicaHandlers);
