import { join } from 'node:path';
import type { History } from '@camkit/core';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { augmentInto } from '../dataset/augment.js';
import { type ImageSource, toImageSource } from '../dataset/image-source.js';
import { CliError } from '../errors.js';
import { loadModel, saveModel, writeJsonAtomic } from '@camkit/core/node';
import type { Log } from '../log.js';
import { Rng } from '@camkit/core';
import type { LoadedModel } from '../model/load-model-option.js';
import { predictProbabilities } from '../model/predict-probabilities.js';
import {
  readCheckpoint,
  restoreCheckpoint,
  type SavedSlot,
  setOptimizerSlots,
  writeCheckpoint,
} from './checkpoint.js';
import { createParallelTrainer } from './parallel/index.js';
import { ProgressLine } from './progress.js';
import { applyAdamW, decayedNames } from './recipe/adamw-step.js';
import { epochOrder } from './recipe/balanced-order.js';
import { smoothedCrossEntropySum } from './recipe/cross-entropy.js';
import { learningRateAt, type Schedule } from './recipe/lr-schedule.js';

/** The training recipe: schedule, regularisation, sampling, augmentation, early stopping. */
export interface Recipe {
  /** Learning-rate schedule over the run's steps (see learningRateAt). */
  schedule: Schedule;
  /** cosine: epochs of linear warm-up (fractions allowed). */
  warmupEpochs: number;
  /** Decoupled (AdamW) weight decay on kernels; 0: plain Adam. */
  weightDecay: number;
  /** Label smoothing ε; 0: plain cross-entropy. */
  labelSmoothing: number;
  /** Class-balanced sampling: every class drawn equally often per epoch. */
  balance: boolean;
  /** Augmentation: random shift of up to `shift` px, and horizontal flips when `flip`. */
  augment: { flip: boolean; shift: number } | null;
  /** Stop after this many epochs without a better validation accuracy. Default: never. */
  patience?: number;
}

/** The recipe `trainModel` uses when given none: constant rate, no regularisation (the demo's). */
export const PLAIN_RECIPE: Recipe = {
  schedule: 'constant',
  warmupEpochs: 0,
  weightDecay: 0,
  labelSmoothing: 0,
  balance: false,
  augment: { flip: true, shift: 2 },
};

/** Batches decoded ahead of the one training (a stream decodes them on libuv's threads meanwhile). */
const PREFETCH_BATCHES = 2;

/** In-memory images [N, H, W, C] in [0, 1] with integer labels. */
export interface ImageSet {
  images: Float32Array;
  labels: Int32Array;
  height: number;
  width: number;
  channels: number;
}

/** What {@link trainModel} needs besides the data. */
export interface TrainModelOptions {
  runDir: string;
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  numClasses: number;
  /** Continue from runDir's checkpoint.json. */
  resume: boolean;
  /** Written into the checkpoint; a resume with different settings is refused. */
  config: Record<string, unknown>;
  /** Default {@link PLAIN_RECIPE}. */
  recipe?: Recipe;
  log: Log;
  /**
   * Worker threads for data-parallel training (src/train/parallel): each holds a wasm replica and
   * computes its shard's gradient. 1 = train on the main thread. Checkpoints hold Adam's state
   * either way, in the same layout, so a run may resume with a different worker count.
   */
  workers?: number;
  /** Stop early once validation accuracy reaches this (the demo's "good enough"). */
  targetValAccuracy?: number;
  /** Called after each epoch's checkpoint is on disk (tests use it to kill the process). */
  onCheckpoint?: (epochsDone: number) => void;
}

/**
 * Trains `model` with AdamW on (label-smoothed) sparse categorical cross-entropy under the recipe's
 * learning-rate schedule, validating after every epoch and writing history.json and a resumable
 * checkpoint each epoch (atomically). model.json/weights.bin hold the epoch with the best
 * validation accuracy (every epoch's when there is no validation set), and the returned model has
 * those weights. A non-finite loss stops training with a CliError; the last good checkpoint stays
 * on disk. Everything random is seeded and the rate is a function of the step, so a resumed run
 * is bit-identical to an uninterrupted one with the same worker count. The data may be in memory
 * or streamed from disk ({@link ImageSource}): the same images give the same run either way.
 */
export async function trainModel(
  model: tfl.LayersModel,
  trainData: ImageSet | ImageSource,
  val: ImageSet | ImageSource | null,
  opts: TrainModelOptions,
): Promise<History> {
  const { runDir, log } = opts;
  const recipe = opts.recipe ?? PLAIN_RECIPE;
  const optimizer = tf.train.adam(opts.learningRate);
  const rng = new Rng(opts.seed ^ 0x9e3779b9);
  let history: History = { epochs: [] };
  let restoredSlots: SavedSlot[] | null = null;
  let start = 0;
  let best: { epoch: number; valAccuracy: number } | null = null;
  if (opts.resume) {
    const ck = readCheckpoint(runDir);
    if (!ck) throw new CliError(`--resume: no checkpoint.json in ${runDir}; start without --resume`);
    const mismatch = Object.keys(opts.config).filter(
      (k) =>
        k !== 'epochs' && // A key the checkpoint lacks was written before the option existed: it meant the default (null).
        JSON.stringify(ck.config[k] ?? null) !== JSON.stringify(opts.config[k] ?? null),
    );
    if (mismatch.length) {
      throw new CliError(
        `--resume: ${runDir} was trained with different ${mismatch.map((k) => `--${k}`).join(', ')}`,
      );
    }
    const before = ck.config.epochs;
    if (recipe.schedule !== 'constant' && before !== undefined && before !== opts.epochs) {
      // The schedule spans the whole run: a straight run of the new length would have used other
      // rates from the first step on, so no continuation could equal it.
      throw new CliError(
        `--resume: ${runDir} was trained for --epochs ${before} with --schedule ${recipe.schedule}, whose rates depend on --epochs; resume with --epochs ${before}, or use --schedule constant to extend a run`,
      );
    }
    best = ck.best ?? null;
    restoredSlots = await restoreCheckpoint(runDir, ck, model);
    rng.setState(ck.rngState);
    history = ck.history;
    start = ck.epochsDone;
    log.info(`resuming ${runDir} after epoch ${start}`);
    if (start >= opts.epochs) log.info(`already trained ${start} epochs (--epochs ${opts.epochs})`);
    if (recipe.patience !== undefined && best && ck.epochsDone - 1 - best.epoch >= recipe.patience) {
      log.info(
        `${runDir} already stopped early (--patience ${recipe.patience}) after epoch ${ck.epochsDone}`,
      );
      start = Math.max(start, opts.epochs);
    }
  }
  const train = toImageSource(trainData);
  const { height: h, width: w, channels: c } = train;
  const pix = h * w * c;
  const n = train.labels.length;
  const batch = Math.min(opts.batchSize, n);
  const vars = model.trainableWeights.map((v) => v.read() as tf.Variable);
  const decay = decayedNames(vars);
  const xBuf = new Float32Array(batch * pix);
  const progress = new ProgressLine();
  const workers = opts.workers ?? 1;
  const steps = Math.ceil(n / batch);
  const lrAt = (epoch: number, s: number) =>
    learningRateAt(epoch * steps + s, {
      schedule: recipe.schedule,
      base: opts.learningRate,
      totalSteps: opts.epochs * steps,
      warmupSteps: Math.round(recipe.warmupEpochs * steps),
    });
  const parallel =
    workers > 1 && start < opts.epochs
      ? await createParallelTrainer({
          model,
          workers,
          learningRate: opts.learningRate,
          weightDecay: recipe.weightDecay,
          labelSmoothing: recipe.labelSmoothing,
          backend: 'wasm',
        })
      : null;
  if (parallel) log.info(`training on ${workers} worker threads (data-parallel, wasm)`);
  // Adam's moments continue across a resume, whichever way either run trained (same slot layout).
  if (restoredSlots && parallel) await parallel.setOptimizerWeights(restoredSlots);
  else if (restoredSlots) await setOptimizerSlots(optimizer, restoredSlots);
  try {
    for (let epoch = start; epoch < opts.epochs; epoch++) {
      const t0 = performance.now();
      const order = epochOrder(train.labels, rng, recipe.balance);
      let lossSum = 0;
      let correct = 0;
      progress.start(`epoch ${epoch + 1}/${opts.epochs}`, steps);
      for (let s = 0; s < steps; s++) {
        const idx = order.slice(s * batch, (s + 1) * batch);
        const bs = idx.length;
        const labels = new Int32Array(bs);
        train.prefetch(order.slice((s + 1) * batch, (s + 1 + PREFETCH_BATCHES) * batch));
        const images = await train.read(idx);
        // Augmentation draws from the RNG here, in batch order, whenever the pixels arrived.
        idx.forEach((src, j) => {
          labels[j] = train.labels[src];
          const aug = recipe.augment;
          if (aug) augmentInto(images[j], 0, xBuf, j * pix, h, w, c, rng, aug.shift, aug.flip);
          else xBuf.set(images[j], j * pix);
        });
        const lr = lrAt(epoch, s);
        let lossValue: number;
        let hitValue: number;
        if (parallel) {
          const r = await parallel.trainStep(xBuf.slice(0, bs * pix), labels, lr);
          lossValue = r.loss;
          hitValue = Math.round(r.accuracy * bs);
        } else {
          let hits: tf.Tensor | null = null;
          const { value, grads } = tf.tidy(() => {
            const xs = tf.tensor4d(xBuf.subarray(0, bs * pix), [bs, h, w, c]);
            const ys = tf.tensor1d(labels, 'int32');
            return tf.variableGrads(() => {
              const probs = model.apply(xs, { training: true }) as tf.Tensor;
              // Accuracy from the same forward pass, kept out of variableGrads' scope.
              hits = tf.keep(tf.sum(tf.cast(tf.equal(tf.argMax(probs, 1), ys), 'int32')));
              const sum = smoothedCrossEntropySum(probs, ys, opts.numClasses, recipe.labelSmoothing);
              return tf.div(sum, bs) as tf.Scalar;
            }, vars);
          });
          applyAdamW(optimizer, vars, grads, lr, recipe.weightDecay, decay);
          lossValue = (await value.data())[0];
          hitValue = (await (hits as unknown as tf.Tensor).data())[0];
          tf.dispose([value, hits as unknown as tf.Tensor, ...Object.values(grads)]);
        }
        if (!Number.isFinite(lossValue)) {
          progress.stop();
          diverged(runDir, `loss is ${lossValue} at epoch ${epoch + 1}, batch ${s + 1}`);
        }
        lossSum += lossValue * bs;
        correct += hitValue;
        const done = s * batch + bs;
        progress.update(s + 1, `loss ${(lossSum / done).toFixed(4)} acc ${(correct / done).toFixed(3)}`);
      }
      progress.stop();
      if (parallel) await parallel.copyWeightsTo(model);
      // The loss clips probabilities at 1e-7, so NaN/inf weights can hide behind a finite loss.
      if (!(await weightsFinite(model))) diverged(runDir, `weights became NaN/inf in epoch ${epoch + 1}`);
      const v = val && val.labels.length > 0 ? await evaluateSet(model, val, opts.numClasses) : null;
      if (v && !Number.isFinite(v.loss))
        diverged(runDir, `validation loss is ${v.loss} after epoch ${epoch + 1}`);
      const seconds = (performance.now() - t0) / 1000;
      history.epochs.push({
        epoch,
        loss: lossSum / n,
        accuracy: correct / n,
        valLoss: v ? v.loss : null,
        valAccuracy: v ? v.accuracy : null,
        seconds,
      });
      log.info(
        `epoch ${epoch + 1}/${opts.epochs}: loss ${(lossSum / n).toFixed(4)} acc ${(correct / n).toFixed(3)}` +
          (v ? ` val_loss ${v.loss.toFixed(4)} val_acc ${v.accuracy.toFixed(3)}` : '') +
          ` (${seconds.toFixed(1)} s, ${(n / seconds).toFixed(0)} img/s, lr ${lrAt(epoch, steps - 1).toPrecision(3)})`,
      );
      // Strictly better only: on a tie the earlier (less trained) epoch stays.
      const improved = v ? best === null || v.accuracy > best.valAccuracy : true;
      if (v && improved) best = { epoch, valAccuracy: v.accuracy };
      const slots = parallel
        ? (await parallel.getOptimizerWeights()).map((o) => ({
            name: o.name,
            tensor: tf.tensor(o.data, o.shape),
          }))
        : await optimizer.getWeights();
      // The best model goes to disk before the checkpoint that records it as best.
      if (improved) await saveModel(model, runDir);
      await writeCheckpoint(runDir, model, slots, {
        epochsDone: epoch + 1,
        rngState: rng.getState(),
        config: { ...opts.config, epochs: opts.epochs },
        history,
        workers,
        ...(best ? { best } : {}),
      });
      if (parallel) tf.dispose(slots.map((o) => o.tensor));
      writeJsonAtomic(join(runDir, 'history.json'), history);
      opts.onCheckpoint?.(epoch + 1);
      if (opts.targetValAccuracy !== undefined && v && v.accuracy >= opts.targetValAccuracy) {
        log.info(`validation accuracy ${v.accuracy.toFixed(3)} ≥ ${opts.targetValAccuracy}: stopping early`);
        break;
      }
      if (recipe.patience !== undefined && best && epoch - best.epoch >= recipe.patience) {
        log.info(
          `no better validation accuracy for ${recipe.patience} epoch(s) (--patience): stopping early`,
        );
        break;
      }
    }
  } finally {
    await parallel?.dispose();
  }
  optimizer.dispose();
  const last = history.epochs.at(-1);
  if (best && last && best.epoch !== last.epoch) {
    // Hand back what model.json holds: the best epoch's weights.
    // saveModel wrote it from this Layers model, so it loads back as one.
    const saved = (await loadModel(join(runDir, 'model.json'))) as tfl.LayersModel;
    model.setWeights(saved.getWeights());
    saved.dispose();
    log.info(
      `model.json: epoch ${best.epoch + 1}, the best validation accuracy (${best.valAccuracy.toFixed(3)}); the checkpoint holds epoch ${last.epoch + 1}`,
    );
  }
  return history;
}

/** Stops training: the last good checkpoint is whatever is on disk, since nothing of this epoch was written. */
function diverged(runDir: string, what: string): never {
  const kept = readCheckpoint(runDir);
  throw new CliError(
    `training diverged: ${what} (lower --lr); ` +
      (kept
        ? `kept the checkpoint of epoch ${kept.epochsDone} in ${runDir}`
        : 'no checkpoint was written yet'),
  );
}

async function weightsFinite(model: tfl.LayersModel): Promise<boolean> {
  const flags = tf.tidy(() => tf.stack(model.weights.map((w) => tf.all(tf.isFinite(w.read())))));
  const ok = (await flags.data()).every((v) => v === 1);
  flags.dispose();
  return ok;
}

/** Loss and accuracy of `model` on a whole set (in memory or streamed), in batches, plus its predictions. */
export async function evaluateSet(
  model: LoadedModel,
  data: ImageSet | ImageSource,
  numClasses: number,
  batchSize = 64,
): Promise<{ loss: number; accuracy: number; predicted: Int32Array; probabilities: Float32Array }> {
  const set = toImageSource(data);
  const { height: h, width: w, channels: c } = set;
  const pix = h * w * c;
  const n = set.labels.length;
  const predicted = new Int32Array(n);
  const probabilities = new Float32Array(n * numClasses);
  const xBuf = new Float32Array(Math.min(batchSize, n) * pix);
  const range = (from: number, to: number) =>
    Array.from({ length: Math.max(0, Math.min(to, n) - from) }, (_, k) => from + k);
  let lossSum = 0;
  for (let i = 0; i < n; i += batchSize) {
    const bs = Math.min(batchSize, n - i);
    set.prefetch(range(i + bs, i + bs + PREFETCH_BATCHES * batchSize));
    (await set.read(range(i, i + bs))).forEach((img, j) => {
      xBuf.set(img, j * pix);
    });
    const probs = tf.tidy(() => {
      const xs = tf.tensor4d(xBuf.subarray(0, bs * pix), [bs, h, w, c]);
      return predictProbabilities(model, xs);
    });
    const p = (await probs.data()) as Float32Array;
    probs.dispose();
    probabilities.set(p, i * numClasses);
    for (let j = 0; j < bs; j++) {
      const row = p.subarray(j * numClasses, (j + 1) * numClasses);
      let best = 0;
      for (let k = 1; k < numClasses; k++) if (row[k] > row[best]) best = k;
      predicted[i + j] = best;
      lossSum -= Math.log(Math.max(row[set.labels[i + j]], 1e-7));
    }
  }
  let correct = 0;
  for (let i = 0; i < n; i++) if (predicted[i] === set.labels[i]) correct++;
  return { loss: lossSum / n, accuracy: correct / n, predicted, probabilities };
}
