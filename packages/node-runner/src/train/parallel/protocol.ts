/** Messages between the parallel trainer (main thread) and its workers. */

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

export interface InitMessage {
  type: 'init';
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

export interface StepMessage {
  type: 'step';
  id: number;
  /** Averaged gradients of the previous step, applied before this step's forward pass (replica mode). */
  apply: Float32Array[] | null;
  /** The learning rate `apply` is applied with (the schedule's rate for the step that made it). */
  lr: number | null;
  /** New weights to load before this step's forward pass (main-thread mode). */
  weights: Float32Array[] | null;
  xs: Float32Array;
  ys: Int32Array;
  count: number;
  /** Size of the whole batch: each shard's loss is divided by it so shard gradients simply add up. */
  totalBatch: number;
}

export interface FlushMessage {
  type: 'flush';
  id: number;
  apply: Float32Array[] | null;
  lr: number | null;
  weights: Float32Array[] | null;
  /** Reply with all the model's weights (trainable or not), in `model.getWeights()` order. */
  read: boolean;
}

/** One optimizer slot (Adam: iterations, then first moments, then second moments), in variable order. */
export interface OptimizerSlot {
  name: string;
  shape: number[];
  data: Float32Array;
}

export type ToWorker =
  | InitMessage
  | StepMessage
  | FlushMessage
  | { type: 'optimizer-get'; id: number; apply: Float32Array[] | null; lr: number | null }
  | {
      type: 'optimizer-set';
      id: number;
      apply: Float32Array[] | null;
      lr: number | null;
      slots: OptimizerSlot[];
    }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready'; trainableShapes: number[][] }
  | { type: 'grads'; id: number; grads: Float32Array[]; lossSum: number; correct: number; ms: number }
  | { type: 'flushed'; id: number; weights: Float32Array[] | null }
  | { type: 'optimizer'; id: number; slots: OptimizerSlot[] }
  | { type: 'error'; message: string };
