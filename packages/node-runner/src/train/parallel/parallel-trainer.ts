import * as tf from '@tensorflow/tfjs-core';
import { MainThreadAdam } from './main-thread-adam.js';
import { PendingUpdate } from './pending-update.js';
import type { AdamConfig } from './protocol.js';
import { shardBatch } from './shard-batch.js';
import { startReplicas } from './start-replicas.js';
import { sumGradients } from './sum-gradients.js';
import type { ParallelTrainer, ParallelTrainerOptions, StepResult } from './types.js';

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
  const initial = await Promise.all(model.getWeights().map((w) => w.data() as Promise<Float32Array>));
  const inputShape = model.inputs[0].shape.slice(1);
  if (inputShape.some((d) => d == null))
    throw new Error('parallel trainer: the model needs a fixed input size');
  const pixels = (inputShape as number[]).reduce((a, b) => a * b, 1);

  const replicas = await startReplicas(count, {
    topology: model.toJSON(null, false),
    weights: initial,
    backend: opts.backend ?? 'wasm',
    wasmThreads: opts.wasmThreads ?? 1,
    adam,
    applyOnReplica: applyOn === 'replicas',
    labelSmoothing: opts.labelSmoothing ?? 0,
  });
  const main = applyOn === 'main' ? new MainThreadAdam(model, initial, adam) : null;
  const pending = new PendingUpdate();
  let disposed = false;
  let stepping = false;

  const runStep = async (xs: Float32Array, ys: Int32Array, lr: number): Promise<StepResult> => {
    const batch = ys.length;
    const update = pending.take();
    const shards = shardBatch(xs, ys, pixels, count);
    // The shard copies are the workers' alone: transferred. The update is shared: copied.
    const replies = shards.map((shard, k) =>
      replicas[k].call('step', { ...update, ...shard, totalBatch: batch }, [
        shard.xs.buffer as ArrayBuffer,
        shard.ys.buffer as ArrayBuffer,
      ]),
    );
    // Every replica must apply the update, including one that gets no shard this step.
    const idle = replicas.slice(shards.length).map((r) => r.call('flush', { ...update, read: false }));
    const results = await Promise.all(replies);
    await Promise.all(idle);
    const sum = sumGradients(results.map((r) => r.grads));
    if (main) pending.setWeights(await main.apply(sum, lr));
    else pending.setGradients(sum, lr);
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
        return await runStep(xs, ys, learningRate ?? adam.learningRate);
      } finally {
        stepping = false;
      }
    },
    async getWeights() {
      const update = pending.take();
      const replies = replicas.map((r, k) => r.call('flush', { ...update, read: k === 0 }));
      const [first] = await Promise.all(replies);
      return first!;
    },
    async copyWeightsTo(target) {
      const weights = await trainer.getWeights();
      const tensors = target.getWeights().map((w, i) => tf.tensor(weights[i], w.shape));
      target.setWeights(tensors);
      tf.dispose(tensors);
    },
    async setWeights(weights) {
      main?.setWeights(weights);
      const update = { ...pending.take(), weights };
      await Promise.all(replicas.map((r) => r.call('flush', { ...update, read: false })));
    },
    async getOptimizerWeights() {
      if (main) return main.getSlots();
      const update = pending.take();
      const [first] = await Promise.all(replicas.map((r) => r.call('getOptimizer', update)));
      return first;
    },
    async setOptimizerWeights(slots) {
      if (main) return main.setSlots(slots);
      const update = pending.take();
      await Promise.all(replicas.map((r) => r.call('setOptimizer', { ...update, slots })));
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      await Promise.all(replicas.map((r) => r.terminate()));
      main?.dispose();
    },
  };
  return trainer;
}
