import type { Update } from './protocol.js';

/**
 * The update the replicas have not received yet. A step's summed gradient (replica mode) or new
 * weights (main-thread mode) are not sent on their own: they ride along with the next message to
 * every replica, which applies them before doing anything else. That saves a round trip per step.
 */
export class PendingUpdate {
  private update: Update = { apply: null, lr: null, weights: null };

  /** Replica mode: every replica applies `sum` with Adam at rate `lr`. */
  setGradients(sum: Float32Array[], lr: number): void {
    this.update = { ...this.update, apply: sum, lr };
  }

  /** Every replica loads `weights` (all of them, in `model.getWeights()` order). */
  setWeights(weights: Float32Array[]): void {
    this.update = { ...this.update, weights };
  }

  /** What to send with the next message (to every replica); afterwards nothing is pending. */
  take(): Update {
    const out = this.update;
    this.update = { apply: null, lr: null, weights: null };
    return out;
  }
}
