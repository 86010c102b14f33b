import type { Worker } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { applyAdamW, decayedNames } from '../recipe/adamw-step.js';
import { restoreAdam } from '../recipe/restore-adam.js';
import type { AdamConfig, FromWorker, OptimizerSlot, ToWorker } from './protocol.js';
import { startWorker } from '../../workers/start-worker.js';
import type { initThreadedWasmBackend } from './wasm-threads.js';

export type { OptimizerSlot } from './protocol.js';

/** Options of {@link createParallelTrainer}. */
export interface ParallelTrainerOptions {
  /** The model to train; it is copied into each worker (topology + current weights), not modified. */
  model: tfl.LayersModel;
  /** Worker threads, each with its own backend and model replica. Default 2 (one per core here). */
  workers?: number;
  /** Adam learning rate. Default 1e-3. */
  learningRate?: number;
  beta1?: number;
  beta2?: number;
  /** Adam epsilon; default tfjs's backend epsilon (1e-7), like `tf.train.adam`. */
  epsilon?: number;
  /** Decoupled (AdamW) weight decay on conv/dense kernels. Default 0 (plain Adam). */
  weightDecay?: number;
  /** Label smoothing ε of the cross-entropy. Default 0. */
  labelSmoothing?: number;
  /** Backend inside the workers. Default 'wasm' (camkit's training kernels are registered there). */
  backend?: 'wasm' | 'cpu';
  /**
   * EXPERIMENTAL: XNNPACK threads per worker (wasm only). Default 1. Above 1 each worker runs
   * tfjs's threaded wasm build via {@link initThreadedWasmBackend}; e.g. `workers: 1, wasmThreads: 2`
   * is one replica whose every kernel uses both cores.
   */
  wasmThreads?: number;
  /**
   * Where the averaged gradient is applied. `'replicas'` (default): every worker runs the same
   * Adam update on its own copy (no weights travel). `'main'`: Adam runs on the main thread's
   * current tfjs backend and the new weights are sent to every worker each step.
   */
  applyOn?: 'replicas' | 'main';
}

/** Result of one {@link ParallelTrainer.trainStep}. */
export interface StepResult {
  /** Mean cross-entropy over the batch, before this step's update. */
  loss: number;
  /** Fraction of the batch classified correctly, before this step's update. */
  accuracy: number;
  /** Slowest worker's compute time for its shard, ms (the rest of the step is overhead). */
  workerMs: number;
}

/** A data-parallel trainer; see {@link createParallelTrainer}. */
export interface ParallelTrainer {
  readonly workers: number;
  /**
   * One optimizer step on the batch; `learningRate` (default the constructor's) is the rate this
   * step's gradient is applied with, so a schedule can drive it.
   */
  trainStep(xs: Float32Array, ys: Int32Array, learningRate?: number): Promise<StepResult>;
  /** All weights (trainable or not) in `model.getWeights()` order, with every update applied. */
  getWeights(): Promise<Float32Array[]>;
  /** Loads `getWeights()` into a model of the same architecture (e.g. the one passed in, to save it). */
  copyWeightsTo(model: tfl.LayersModel): Promise<void>;
  /** Replaces every replica's weights (e.g. after restoring a checkpoint); optimizer state is kept. */
  setWeights(weights: Float32Array[]): Promise<void>;
  /**
   * Adam's state (iterations, first moments, second moments, in trainable-variable order), e.g. to
   * write a checkpoint; empty moments before the first step.
   */
  getOptimizerWeights(): Promise<OptimizerSlot[]>;
  /** Restores what {@link getOptimizerWeights} returned (e.g. on --resume), on every replica. */
  setOptimizerWeights(slots: OptimizerSlot[]): Promise<void>;
  /** Stops the workers and frees everything. */
  dispose(): Promise<void>;
}

interface Pending {
  resolve: (msg: FromWorker) => void;
  reject: (err: Error) => void;
}

class WorkerHandle {
  private readonly waiting = new Map<number, Pending>();
  private readyWait: Pending | null = null;
  private failed: Error | null = null;

  constructor(readonly worker: Worker) {
    worker.on('message', (msg: FromWorker) => {
      if (msg.type === 'error') return this.fail(new Error(`parallel trainer worker: ${msg.message}`));
      if (msg.type === 'ready') {
        this.readyWait?.resolve(msg);
        this.readyWait = null;
        return;
      }
      const p = this.waiting.get(msg.id);
      this.waiting.delete(msg.id);
      p?.resolve(msg);
    });
    worker.on('error', (err) =>
      this.fail(new Error(`parallel trainer worker: ${err.message.split('\n')[0]}`)),
    );
    worker.on('exit', (code) => {
      if (this.waiting.size || this.readyWait)
        this.fail(new Error(`parallel trainer worker exited (code ${code})`));
    });
  }

  private fail(err: Error): void {
    this.failed = err;
    this.readyWait?.reject(err);
    this.readyWait = null;
    for (const p of this.waiting.values()) p.reject(err);
    this.waiting.clear();
  }

  ready(msg: ToWorker): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      if (this.failed) return reject(this.failed);
      this.readyWait = { resolve, reject };
      this.worker.postMessage(msg);
    });
  }

  request(id: number, msg: ToWorker, transfer: ArrayBuffer[] = []): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      if (this.failed) return reject(this.failed);
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage(msg, transfer);
    });
  }
}

/**
 * Starts `workers` worker threads, each holding a replica of `model`, and returns a trainer whose
 * `trainStep` splits the batch between them, sums their shard gradients (each shard's loss is
 * already divided by the whole batch size) and applies the result with Adam — one update per
 * batch, the same as single-process training on the whole batch.
 */
export async function createParallelTrainer(opts: ParallelTrainerOptions): Promise<ParallelTrainer> {
  const count = opts.workers ?? 2;
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`workers must be a positive integer, got ${count}`);
  const applyOn = opts.applyOn ?? 'replicas';
  const adam: AdamConfig = {
    learningRate: opts.learningRate ?? 1e-3,
    beta1: opts.beta1 ?? 0.9,
    beta2: opts.beta2 ?? 0.999,
    epsilon: opts.epsilon ?? null,
    weightDecay: opts.weightDecay ?? 0,
  };
  const model = opts.model;
  const topology = model.toJSON(null, false);
  const initial = await Promise.all(model.getWeights().map((w) => w.data() as Promise<Float32Array>));
  const inputShape = model.inputs[0].shape.slice(1);
  if (inputShape.some((d) => d == null))
    throw new Error('parallel trainer: the model needs a fixed input size');
  const pixels = (inputShape as number[]).reduce((a, b) => a * b, 1);
  // Indices of the trainable weights within getWeights(), to write main-thread updates back.
  const all = model.weights.map((w) => w.name);
  const trainableIdx = model.trainableWeights.map((w) => all.indexOf(w.name));

  const handles = Array.from({ length: count }, () => new WorkerHandle(startWorker(import.meta.url)));
  try {
    await Promise.all(
      handles.map((h) =>
        h.ready({
          type: 'init',
          topology,
          weights: initial,
          backend: opts.backend ?? 'wasm',
          wasmThreads: opts.wasmThreads ?? 1,
          adam,
          applyOnReplica: applyOn === 'replicas',
          labelSmoothing: opts.labelSmoothing ?? 0,
        }),
      ),
    );
  } catch (err) {
    await Promise.all(handles.map((h) => h.worker.terminate()));
    throw err;
  }

  // Main-thread mode: the master copy of the trainable weights and Adam live here.
  let mainVars: tf.Variable[] = [];
  let mainOpt: tf.AdamOptimizer | null = null;
  let mainDecay = new Set<string>();
  let current = initial; // all weights, kept in sync in main-thread mode
  if (applyOn === 'main') {
    const prefix = `camkit_parallel_${trainerCount++}`;
    mainVars = trainableIdx.map((i, k) =>
      tf.tidy(() =>
        tf.variable(tf.tensor(initial[i], model.weights[i].shape as number[]), true, `${prefix}_${k}`),
      ),
    );
    mainOpt = tf.train.adam(adam.learningRate, adam.beta1, adam.beta2, adam.epsilon ?? undefined);
    mainDecay = decayedNames(mainVars);
  }

  let pendingGrads: Float32Array[] | null = null; // replica mode: applied with the next message
  let pendingLr: number | null = null; // ... at this learning rate
  let pendingWeights: Float32Array[] | null = null; // main mode: sent with the next message
  let nextId = 0;
  let disposed = false;
  let stepping = false;

  const outgoing = (): {
    apply: Float32Array[] | null;
    lr: number | null;
    weights: Float32Array[] | null;
  } => {
    const out = { apply: pendingGrads, lr: pendingLr, weights: pendingWeights };
    pendingGrads = null;
    pendingLr = null;
    pendingWeights = null;
    return out;
  };

  const applyOnMain = async (sum: Float32Array[], lr: number): Promise<void> => {
    const named: tf.NamedTensorMap = {};
    mainVars.forEach((v, k) => {
      named[v.name] = tf.tensor(sum[k], v.shape);
    });
    applyAdamW(mainOpt!, mainVars, named, lr, adam.weightDecay, mainDecay);
    tf.dispose(Object.values(named));
    const values = await Promise.all(mainVars.map((v) => v.data() as Promise<Float32Array>));
    current = current.slice();
    trainableIdx.forEach((i, k) => {
      current[i] = values[k];
    });
    pendingWeights = current;
  };

  const runStep = async (
    xs: Float32Array,
    ys: Int32Array,
    batch: number,
    lr: number,
  ): Promise<StepResult> => {
    const used = Math.min(count, batch);
    const { apply, lr: applyLr, weights } = outgoing();
    const replies: Promise<FromWorker>[] = [];
    let start = 0;
    for (let k = 0; k < used; k++) {
      const n = Math.floor(batch / used) + (k < batch % used ? 1 : 0);
      const id = nextId++;
      // Every replica must apply the update, including one that gets no shard this step.
      replies.push(
        handles[k].request(id, {
          type: 'step',
          id,
          apply,
          lr: applyLr,
          weights,
          xs: xs.slice(start * pixels, (start + n) * pixels),
          ys: ys.slice(start, start + n),
          count: n,
          totalBatch: batch,
        }),
      );
      start += n;
    }
    const idle = handles.slice(used).map((h) => {
      const id = nextId++;
      return h.request(id, { type: 'flush', id, apply, lr: applyLr, weights, read: false });
    });
    const results = (await Promise.all(replies)) as Extract<FromWorker, { type: 'grads' }>[];
    await Promise.all(idle);
    const sum = results[0].grads;
    for (const r of results.slice(1)) {
      for (const [i, g] of r.grads.entries()) addInto(sum[i], g);
    }
    if (applyOn === 'main') await applyOnMain(sum, lr);
    else {
      pendingGrads = sum;
      pendingLr = lr;
    }
    const lossSum = results.reduce((a, r) => a + r.lossSum, 0);
    const correct = results.reduce((a, r) => a + r.correct, 0);
    return {
      loss: lossSum / batch,
      accuracy: correct / batch,
      workerMs: Math.max(...results.map((r) => r.ms)),
    };
  };

  const trainer: ParallelTrainer = {
    workers: count,
    async trainStep(xs, ys, learningRate) {
      if (disposed) throw new Error('parallel trainer: used after dispose()');
      if (stepping) throw new Error('parallel trainer: trainStep called before the previous step finished');
      const batch = ys.length;
      if (batch === 0 || xs.length !== batch * pixels) {
        throw new Error(`parallel trainer: xs has ${xs.length} values, expected ${batch} × ${pixels}`);
      }
      stepping = true;
      try {
        return await runStep(xs, ys, batch, learningRate ?? adam.learningRate);
      } finally {
        stepping = false;
      }
    },
    async getWeights() {
      const { apply, lr, weights } = outgoing();
      const replies = handles.map((h, k) => {
        const id = nextId++;
        return h.request(id, { type: 'flush', id, apply, lr, weights, read: k === 0 });
      });
      const first = (await replies[0]) as Extract<FromWorker, { type: 'flushed' }>;
      await Promise.all(replies);
      return first.weights!;
    },
    async copyWeightsTo(target) {
      const weights = await trainer.getWeights();
      const tensors = target.getWeights().map((w, i) => tf.tensor(weights[i], w.shape));
      target.setWeights(tensors);
      tf.dispose(tensors);
    },
    async setWeights(weights) {
      if (applyOn === 'main') {
        trainableIdx.forEach((i, k) => {
          tf.tidy(() => mainVars[k].assign(tf.tensor(weights[i], mainVars[k].shape)));
        });
        current = weights;
      }
      const { apply, lr } = outgoing();
      await Promise.all(
        handles.map((h) => {
          const id = nextId++;
          return h.request(id, { type: 'flush', id, apply, lr, weights, read: false });
        }),
      );
    },
    async getOptimizerWeights() {
      if (applyOn === 'main') {
        return Promise.all(
          (await mainOpt!.getWeights()).map(async (w) => ({
            name: w.name,
            shape: w.tensor.shape,
            data: (await w.tensor.data()) as Float32Array,
          })),
        );
      }
      const { apply, lr } = outgoing();
      const replies = handles.map((h) => {
        const id = nextId++;
        return h.request(id, { type: 'optimizer-get', id, apply, lr });
      });
      const first = (await replies[0]) as Extract<FromWorker, { type: 'optimizer' }>;
      await Promise.all(replies);
      return first.slots;
    },
    async setOptimizerWeights(slots) {
      if (applyOn === 'main') {
        await restoreAdam(mainOpt!, slots);
        return;
      }
      const { apply, lr } = outgoing();
      await Promise.all(
        handles.map((h) => {
          const id = nextId++;
          return h.request(id, { type: 'optimizer-set', id, apply, lr, slots });
        }),
      );
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      for (const h of handles) h.worker.postMessage({ type: 'close' } satisfies ToWorker);
      await Promise.all(handles.map((h) => h.worker.terminate()));
      mainOpt?.dispose();
      tf.dispose(mainVars);
    },
  };
  return trainer;
}

let trainerCount = 0;

function addInto(a: Float32Array, b: Float32Array): void {
  for (let i = 0; i < a.length; i++) a[i] += b[i];
}
