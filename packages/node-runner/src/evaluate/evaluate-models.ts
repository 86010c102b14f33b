import {
  type Baseline,
  type Box,
  boxFromMap,
  deletionInsertion,
  explain,
  iou,
  localizationError,
  type Method,
  type MethodMetrics,
  type Metrics,
  MetricsSchema,
  pointingGame,
  validateWithSchema,
} from '@camkit/core';
import * as tf from '@tensorflow/tfjs-core';
import type { LoadedModel } from '../model/load-model-option.js';
import { predictProbabilities } from '../model/predict-probabilities.js';
import type { Log } from '../log.js';
import { formatTable } from '../text/format-table.js';
import { evaluateSet, type ImageSet } from '../train/train-model.js';

/** Evaluation data: images at the model's input size, labels, and (when known) boxes and masks. */
export interface EvalData extends ImageSet {
  boxes?: Box[];
  masks?: Uint8Array[];
}

export interface EvalModel {
  id: string;
  model: LoadedModel;
  classNames: string[];
  layer?: string;
}

export interface EvaluateOptions {
  methods: Method[];
  /** Localization thresholds as fractions of the map maximum. Default [0.15, 0.2]. */
  thresholds?: number[];
  /** Images used for the attribution metrics (the first n). Default all. */
  limit?: number;
  /** Deletion/insertion steps. Default 16. */
  steps?: number;
  /**
   * Substrate of both deletion and insertion (core's `Baseline`: 'zero', 'mean', 'blur', a number
   * or an [H, W, C] image). Default: RISE's pair, zeros for deletion and blur for insertion.
   */
  baseline?: Baseline;
  batchSize?: number;
  log: Log;
}

/** Sums |gradient| over channels so [H, W, C] input-gradient maps can be scored like CAMs. */
function toGray(map: Float32Array, shape: number[]): Float32Array {
  if (shape.length === 2) return map;
  const [h, w, c] = shape;
  const out = new Float32Array(h * w);
  for (let i = 0; i < h * w; i++) for (let k = 0; k < c; k++) out[i] += Math.abs(map[i * c + k]);
  return out;
}

/**
 * Accuracy and confusion matrix per model, and per (model, method): pointing game (mask or box),
 * localization error and mean IoU at each threshold (boxes needed), and the mean deletion/insertion
 * curves (steps + 1 points each) of the predicted class with their AUCs.
 * The result validates against core's MetricsSchema (a CamkitError naming the field when not).
 */
export async function evaluateModels(
  data: EvalData,
  models: EvalModel[],
  o: EvaluateOptions,
): Promise<Metrics> {
  const thresholds = o.thresholds ?? [0.15, 0.2];
  const metrics: Metrics = { version: 1, models: [], methods: [] };
  const { height: h, width: w, channels: c } = data;
  const pix = h * w * c;
  const n = data.labels.length;
  const limit = Math.min(n, o.limit ?? n);
  for (const m of models) {
    const k = m.classNames.length;
    const ev = await evaluateSet(m.model, data, k);
    const confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    for (let i = 0; i < n; i++) confusion[data.labels[i]][ev.predicted[i]]++;
    metrics.models.push({
      model: m.id,
      classNames: m.classNames,
      accuracy: ev.accuracy,
      confusion,
      count: n,
    });
    const predictFn = (batch: tf.Tensor4D) => predictProbabilities(m.model, batch);
    for (const method of o.methods) {
      const t0 = performance.now();
      let hits = 0;
      let pgCount = 0;
      const locErr = new Map<number, number>(thresholds.map((t) => [t, 0]));
      const iouSum = new Map<number, number>(thresholds.map((t) => [t, 0]));
      const steps = o.steps ?? 16;
      // Per-step sums over images (every image uses the same steps), averaged into the mean curves.
      const delCurve = new Float64Array(steps + 1);
      const insCurve = new Float64Array(steps + 1);
      let delSum = 0;
      let insSum = 0;
      let curves = 0;
      let layer: string | null = null;
      const bs = o.batchSize ?? 16;
      for (let s = 0; s < limit; s += bs) {
        const cnt = Math.min(bs, limit - s);
        const xs = tf.tensor4d(data.images.subarray(s * pix, (s + cnt) * pix), [cnt, h, w, c]);
        try {
          const res = await explain(m.model, xs, { method, layer: m.layer, targets: 'pred' });
          layer = res.layer;
          for (const hm of res.heatmaps) {
            const i = s + hm.imageIndex;
            const gray = toGray(hm.map, hm.shape);
            const truth = data.masks?.[i] ?? data.boxes?.[i];
            if (truth) {
              pgCount++;
              if (pointingGame(gray, h, w, truth).hit) hits++;
            }
            const trueBox = data.boxes?.[i];
            if (trueBox) {
              for (const t of thresholds) {
                const box = boxFromMap(gray, h, w, t);
                if (localizationError(hm.classIndex, data.labels[i], box, trueBox))
                  locErr.set(t, locErr.get(t)! + 1);
                iouSum.set(t, iouSum.get(t)! + (box ? iou(box, trueBox) : 0));
              }
            }
            const img = tf.tensor3d(data.images.subarray(i * pix, (i + 1) * pix), [h, w, c]);
            try {
              const di = await deletionInsertion(predictFn, img, gray, {
                steps,
                classIndex: hm.classIndex,
                ...(o.baseline !== undefined ? { baseline: o.baseline, insertionBaseline: o.baseline } : {}),
              });
              di.deletion.scores.forEach((v, k) => {
                delCurve[k] += v;
              });
              di.insertion.scores.forEach((v, k) => {
                insCurve[k] += v;
              });
              delSum += di.deletion.auc;
              insSum += di.insertion.auc;
              curves++;
            } finally {
              img.dispose();
            }
          }
        } finally {
          xs.dispose();
        }
      }
      const boxes = Boolean(data.boxes);
      const entry: MethodMetrics = {
        method,
        model: m.id,
        pointingGame: pgCount ? hits / pgCount : null,
        localizationError: boxes
          ? Object.fromEntries(thresholds.map((t) => [String(t), locErr.get(t)! / limit]))
          : {},
        meanIoU: boxes ? Object.fromEntries(thresholds.map((t) => [String(t), iouSum.get(t)! / limit])) : {},
        deletionAuc: curves ? delSum / curves : null,
        insertionAuc: curves ? insSum / curves : null,
      };
      // The mean curve's area is the mean AUC (the trapezoid rule is linear), so the viewer's plot
      // and the table agree.
      if (curves) {
        entry.deletionCurve = Array.from(delCurve, (v) => v / curves);
        entry.insertionCurve = Array.from(insCurve, (v) => v / curves);
      }
      metrics.methods.push(entry);
      o.log.info(
        `evaluated ${m.id} ${method}${layer ? ` @ ${layer}` : ''} on ${limit} images (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
      );
    }
  }
  // A NaN score (e.g. from a model whose outputs are NaN) cannot go into JSON: one line naming the field.
  return validateWithSchema(MetricsSchema, metrics, 'metrics.json');
}

/** The metrics as a plain-text table (one row per model/method). */
export function formatMetrics(m: Metrics): string {
  const lines: string[] = [];
  for (const mm of m.models) {
    lines.push(`${mm.model}: accuracy ${(mm.accuracy * 100).toFixed(1)}% on ${mm.count} images`);
    lines.push(`  confusion (rows = true, cols = predicted; ${mm.classNames.join(', ')}):`);
    for (const row of mm.confusion) lines.push(`    ${row.map((v) => String(v).padStart(5)).join('')}`);
  }
  if (m.methods.length) {
    const ts = Object.keys(m.methods[0].localizationError);
    const head = [
      'model',
      'method',
      'pointing',
      ...ts.map((t) => `locErr@${t}`),
      'deletion(low=good)',
      'insertion(high=good)',
    ];
    const rows = m.methods.map((x) => [
      x.model,
      x.method,
      x.pointingGame == null ? '-' : x.pointingGame.toFixed(3),
      ...ts.map((t) => (x.localizationError[t] ?? Number.NaN).toFixed(3)),
      x.deletionAuc == null ? '-' : x.deletionAuc.toFixed(3),
      x.insertionAuc == null ? '-' : x.insertionAuc.toFixed(3),
    ]);
    lines.push('', formatTable(head, rows));
  }
  return `${lines.join('\n')}\n`;
}
