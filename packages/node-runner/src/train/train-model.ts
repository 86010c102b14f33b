import { join } from 'node:path';
import type { History } from '@camkit/core';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { augmentInto } from '../dataset/augment.js';
import { CliError } from '../errors.js';
import { saveModel, writeJsonAtomic } from '@camkit/core/node';
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
  augment: boolean;
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
 * Trains `model` with Adam on sparse categorical cross-entropy, validating after every epoch and
 * writing model.json/weights.bin, history.json and a resumable checkpoint each epoch (atomically).
 * A non-finite loss stops training with a CliError; the last good checkpoint stays on disk.
 */
export async function trainModel(
  model: tfl.LayersModel,
  train: ImageSet,
  val: ImageSet | null,
  opts: TrainModelOptions,
): Promise<History> {
  const { runDir, log } = opts;
  const optimizer = tf.train.adam(opts.learningRate);
  const rng = new Rng(opts.seed ^ 0x9e3779b9);
  let history: History = { epochs: [] };
  let restoredSlots: SavedSlot[] | null = null;
  let start = 0;
  if (opts.resume) {
    const ck = readCheckpoint(runDir);
    if (!ck) throw new CliError(`--resume: no checkpoint.json in ${runDir}; start without --resume`);
    const mismatch = Object.keys(opts.config).filter(
      (k) => k !== 'epochs' && JSON.stringify(ck.config[k]) !== JSON.stringify(opts.config[k]),
    );
    if (mismatch.length) {
      throw new CliError(
        `--resume: ${runDir} was trained with different ${mismatch.map((k) => `--${k}`).join(', ')}`,
      );
    }
    restoredSlots = await restoreCheckpoint(runDir, ck, model);
    rng.setState(ck.rngState);
    history = ck.history;
    start = ck.epochsDone;
    log.info(`resuming ${runDir} after epoch ${start}`);
    if (start >= opts.epochs) log.info(`already trained ${start} epochs (--epochs ${opts.epochs})`);
  }
  const { height: h, width: w, channels: c } = train;
  const pix = h * w * c;
  const n = train.labels.length;
  const batch = Math.min(opts.batchSize, n);
  const vars = model.trainableWeights.map((v) => v.read() as tf.Variable);
  const xBuf = new Float32Array(batch * pix);
  const progress = new ProgressLine();
  const workers = opts.workers ?? 1;
  const parallel =
    workers > 1 && start < opts.epochs
      ? await createParallelTrainer({ model, workers, learningRate: opts.learningRate, backend: 'wasm' })
      : null;
  if (parallel) log.info(`training on ${workers} worker threads (data-parallel, wasm)`);
  // Adam's moments continue across a resume, whichever way either run trained (same slot layout).
  if (restoredSlots && parallel) await parallel.setOptimizerWeights(restoredSlots);
  else if (restoredSlots) await setOptimizerSlots(optimizer, restoredSlots);
  try {
    for (let epoch = start; epoch < opts.epochs; epoch++) {
      const t0 = performance.now();
      const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
      const steps = Math.ceil(n / batch);
      let lossSum = 0;
      let correct = 0;
      progress.start(`epoch ${epoch + 1}/${opts.epochs}`, steps);
      for (let s = 0; s < steps; s++) {
        const idx = order.slice(s * batch, (s + 1) * batch);
        const bs = idx.length;
        const labels = new Int32Array(bs);
        idx.forEach((src, j) => {
          labels[j] = train.labels[src];
          if (opts.augment) augmentInto(train.images, src * pix, xBuf, j * pix, h, w, c, rng);
          else xBuf.set(train.images.subarray(src * pix, (src + 1) * pix), j * pix);
        });
        let lossValue: number;
        let hitValue: number;
        if (parallel) {
          const r = await parallel.trainStep(xBuf.slice(0, bs * pix), labels);
          lossValue = r.loss;
          hitValue = Math.round(r.accuracy * bs);
        } else {
          let hits: tf.Tensor | null = null;
          const loss = tf.tidy(() => {
            const xs = tf.tensor4d(xBuf.subarray(0, bs * pix), [bs, h, w, c]);
            const ys = tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), opts.numClasses), 'float32');
            return optimizer.minimize(
              () => {
                const probs = model.apply(xs, { training: true }) as tf.Tensor;
                // Accuracy from the same forward pass; kept because minimize() disposes its scope.
                hits = tf.keep(tf.sum(tf.cast(tf.equal(tf.argMax(probs, 1), tf.argMax(ys, 1)), 'int32')));
                return crossEntropy(probs, ys);
              },
              true,
              vars,
            ) as tf.Scalar;
          });
          lossValue = (await loss.data())[0];
          hitValue = (await hits!.data())[0];
          tf.dispose([loss, hits!]);
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
          ` (${seconds.toFixed(1)} s, ${(n / seconds).toFixed(0)} img/s)`,
      );
      const slots = parallel
        ? (await parallel.getOptimizerWeights()).map((o) => ({
            name: o.name,
            tensor: tf.tensor(o.data, o.shape),
          }))
        : await optimizer.getWeights();
      await writeCheckpoint(runDir, model, slots, {
        epochsDone: epoch + 1,
        rngState: rng.getState(),
        config: opts.config,
        history,
      });
      if (parallel) tf.dispose(slots.map((o) => o.tensor));
      await saveModel(model, runDir);
      writeJsonAtomic(join(runDir, 'history.json'), history);
      opts.onCheckpoint?.(epoch + 1);
      if (opts.targetValAccuracy !== undefined && v && v.accuracy >= opts.targetValAccuracy) {
        log.info(`validation accuracy ${v.accuracy.toFixed(3)} ≥ ${opts.targetValAccuracy}: stopping early`);
        break;
      }
    }
  } finally {
    await parallel?.dispose();
  }
  optimizer.dispose();
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

function crossEntropy(probs: tf.Tensor, oneHot: tf.Tensor): tf.Scalar {
  const p = tf.clipByValue(probs, 1e-7, 1);
  return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, tf.log(p)), 1))) as tf.Scalar;
}

/** Loss and accuracy of `model` on a whole set, in batches, plus its predictions. */
export async function evaluateSet(
  model: LoadedModel,
  set: ImageSet,
  numClasses: number,
  batchSize = 64,
): Promise<{ loss: number; accuracy: number; predicted: Int32Array; probabilities: Float32Array }> {
  const { height: h, width: w, channels: c } = set;
  const pix = h * w * c;
  const n = set.labels.length;
  const predicted = new Int32Array(n);
  const probabilities = new Float32Array(n * numClasses);
  let lossSum = 0;
  for (let i = 0; i < n; i += batchSize) {
    const bs = Math.min(batchSize, n - i);
    const probs = tf.tidy(() => {
      const xs = tf.tensor4d(set.images.subarray(i * pix, (i + bs) * pix), [bs, h, w, c]);
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
