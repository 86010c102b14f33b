import type * as tfl from '@tensorflow/tfjs-layers';
import type { OptimizerSlot } from './protocol.js';
import type { initThreadedWasmBackend } from '../../backend/wasm-threads.js';

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
