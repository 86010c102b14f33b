import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { decayedNames } from '../recipe/adamw-step.js';
import { readAdamSlots } from '../recipe/read-adam-slots.js';
import { restoreAdam } from '../recipe/restore-adam.js';
import { applyGradientArrays } from './apply-gradients.js';
import type { AdamConfig, OptimizerSlot } from './protocol.js';

let instances = 0;

/**
 * `applyOn: 'main'`: the master copy of the trainable weights and Adam live on the main thread's
 * backend; each step's summed gradient is applied here and the new weights go to the replicas.
 */
export class MainThreadAdam {
  private readonly vars: tf.Variable[];
  private readonly optimizer: tf.AdamOptimizer;
  private readonly decay: Set<string>;
  /** Indices of the trainable weights within `model.getWeights()`. */
  private readonly trainableIdx: number[];
  /** All weights (trainable or not), kept in sync with `vars`. */
  private current: Float32Array[];

  constructor(
    model: tfl.LayersModel,
    initial: Float32Array[],
    private readonly adam: AdamConfig,
  ) {
    const all = model.weights.map((w) => w.name);
    this.trainableIdx = model.trainableWeights.map((w) => all.indexOf(w.name));
    // Unique names: tfjs refuses two variables of one name, and a process may hold several trainers.
    const prefix = `camkit_parallel_${instances++}`;
    this.vars = this.trainableIdx.map((i, k) =>
      tf.tidy(() =>
        tf.variable(tf.tensor(initial[i], model.weights[i].shape as number[]), true, `${prefix}_${k}`),
      ),
    );
    this.optimizer = tf.train.adam(adam.learningRate, adam.beta1, adam.beta2, adam.epsilon ?? undefined);
    this.decay = decayedNames(this.vars);
    this.current = initial;
  }

  /** Applies the summed gradient at rate `lr`; resolves with all weights after the update. */
  async apply(sum: Float32Array[], lr: number): Promise<Float32Array[]> {
    applyGradientArrays(this.optimizer, this.vars, sum, lr, this.adam.weightDecay, this.decay);
    const values = await Promise.all(this.vars.map((v) => v.data() as Promise<Float32Array>));
    this.current = this.current.slice();
    this.trainableIdx.forEach((i, k) => {
      this.current[i] = values[k];
    });
    return this.current;
  }

  /** Replaces the weights (all of them, `model.getWeights()` order); Adam's state is kept. */
  setWeights(weights: Float32Array[]): void {
    this.trainableIdx.forEach((i, k) => {
      tf.tidy(() => this.vars[k].assign(tf.tensor(weights[i], this.vars[k].shape)));
    });
    this.current = weights;
  }

  getSlots(): Promise<OptimizerSlot[]> {
    return readAdamSlots(this.optimizer);
  }

  setSlots(slots: OptimizerSlot[]): Promise<void> {
    return restoreAdam(this.optimizer, slots);
  }

  dispose(): void {
    this.optimizer.dispose();
    tf.dispose(this.vars);
  }
}
