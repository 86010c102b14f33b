/** What the parallel trainer (main thread) calls in its replica workers (worker.ts). */
import type { Transfer } from '../../workers/transfer.js';

/** Adam hyper-parameters; the same on every replica so their updates are bit-identical. */
export interface AdamConfig {
  learningRate: number;
  beta1: number;
  beta2: number;
  /** `null`: tfjs's backend epsilon (1e-7), as `tf.train.adam` does by default. */
  epsilon: number | null;
  /** Decoupled (AdamW) weight decay on kernels; 0: plain Adam. */
  weightDecay: number;
}

export interface InitArgs {
  /** `model.toJSON(null, false)`: the Keras topology the replica is rebuilt from. */
  topology: unknown;
  weights: Float32Array[];
  backend: 'wasm' | 'cpu';
  /** XNNPACK threads inside this worker (wasm only; > 1 uses tfjs's threaded build). */
  wasmThreads: number;
  adam: AdamConfig;
  /** Whether this worker keeps an optimizer and applies the averaged gradients itself. */
  applyOnReplica: boolean;
  /** Label smoothing ε of the cross-entropy (0: none). */
  labelSmoothing: number;
}

/** The update every replica applies before it does anything else (see `PendingUpdate`). */
export interface Update {
  /** Summed gradients of the previous step, applied with Adam (replica mode). */
  apply: Float32Array[] | null;
  /** The learning rate `apply` is applied with (the schedule's rate for the step that made it). */
  lr: number | null;
  /** New weights to load (main-thread mode, or after `setWeights`). */
  weights: Float32Array[] | null;
}

/** One worker's part of a batch. */
export interface Shard {
  xs: Float32Array;
  ys: Int32Array;
  count: number;
}

export interface StepArgs extends Update, Shard {
  /** Size of the whole batch: each shard's loss is divided by it so shard gradients simply add up. */
  totalBatch: number;
}

/** A shard's gradients (trainable-variable order) and what the step reports. */
export interface ShardResult {
  grads: Float32Array[];
  lossSum: number;
  correct: number;
  /** The worker's compute time for its shard, ms. */
  ms: number;
}

/** One optimizer slot (Adam: iterations, then first moments, then second moments), in variable order. */
export interface OptimizerSlot {
  name: string;
  shape: number[];
  data: Float32Array;
}

/** The replica worker's handlers (served with `serveWorker`, called through `WorkerClient`). */
export type ReplicaHandlers = {
  init(args: InitArgs): Promise<void>;
  step(args: StepArgs): Promise<Transfer<ShardResult>>;
  /** Applies the update; `read`: replies with all weights (trainable or not), `getWeights()` order. */
  flush(args: Update & { read: boolean }): Promise<Transfer<Float32Array[] | null>>;
  getOptimizer(args: Update): Promise<OptimizerSlot[]>;
  setOptimizer(args: Update & { slots: OptimizerSlot[] }): Promise<void>;
};
