/** Learning-rate schedules of `camkit train --schedule`. */
export type Schedule = 'cosine' | 'onecycle' | 'constant';
export const SCHEDULES: readonly Schedule[] = ['cosine', 'onecycle', 'constant'];

/** What {@link learningRateAt} needs. */
export interface ScheduleOptions {
  schedule: Schedule;
  /** Peak (cosine, onecycle) or constant learning rate. */
  base: number;
  /** Optimizer steps of the whole run (epochs × steps per epoch). */
  totalSteps: number;
  /** cosine: steps of linear warm-up from base/warmupSteps to base. Ignored by the others. */
  warmupSteps: number;
}

/**
 * The learning rate for optimizer step `step` (0-based) — a pure function of the step, so a resumed
 * run uses exactly the rates an uninterrupted one would.
 * - `cosine`: linear warm-up base·(step+1)/W over the first W steps, then
 *   base·½(1 + cos(π·t)) with t = (step − W)/(total − W) going from 0 to 1 at the last step.
 * - `onecycle` (Smith & Topin; PyTorch's OneCycleLR defaults): cosine from base/25 up to base over
 *   the first 30 % of steps, then cosine down to base/25e4 at the last step.
 * - `constant`: base.
 */
export function learningRateAt(step: number, o: ScheduleOptions): number {
  const { base, totalSteps: n } = o;
  if (o.schedule === 'constant' || n <= 1) return base;
  const cos = (from: number, to: number, t: number) => to + ((from - to) * (1 + Math.cos(Math.PI * t))) / 2;
  if (o.schedule === 'onecycle') {
    const up = Math.floor(0.3 * n) - 1;
    const initial = base / 25;
    if (step <= up) return cos(initial, base, up > 0 ? step / up : 1);
    return cos(base, initial / 1e4, (step - up) / (n - 1 - up));
  }
  const w = Math.min(o.warmupSteps, n - 1);
  if (step < w) return (base * (step + 1)) / w;
  return cos(base, 0, n - 1 - w > 0 ? (step - w) / (n - 1 - w) : 1);
}
