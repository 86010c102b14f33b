import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import type { History, Preprocess } from '@camkit/core';
import { camNet, vggLike } from '@camkit/core';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { Command, InvalidArgumentError } from 'commander';
import { commonImageSize } from '../dataset/common-image-size.js';
import { loadFolder } from '../dataset/load-folder.js';
import { resolveLayout } from '../dataset/resolve-layout.js';
import { scanFolder } from '../dataset/scan-folder.js';
import { stratifiedSplit } from '../dataset/split.js';
import { synthetic } from '../dataset/synthetic.js';
import { CliError } from '../errors.js';
import { ensureWritableDir } from '../fs/ensure-writable-dir.js';
import { writeJsonAtomic } from '@camkit/core/node';
import type { Log } from '../log.js';
import { readCheckpoint } from '../train/checkpoint.js';
import { SCHEDULES, type Schedule } from '../train/recipe/lr-schedule.js';
import { seededInit } from '../train/seeded-init.js';
import { type ImageSet, PLAIN_RECIPE, type Recipe, trainModel } from '../train/train-model.js';
import { addBackendOption, startBackend } from './common.js';
import { float, int, intList, oneOf } from './parse.js';

function workersArg(value: string): number | 'auto' {
  return value === 'auto' ? 'auto' : int(1)(value);
}

export type Arch = 'camnet' | 'vgg-like';
export const ARCHS: readonly Arch[] = ['camnet', 'vgg-like'];

/** Options of `camkit train` (also used by `camkit demo`). */
export interface TrainCommandOptions {
  data?: string;
  synthetic?: boolean;
  classes?: number;
  count: number;
  arch: Arch;
  /** Square input size; default: the images' own size when they all share a square one, else 64. */
  inputSize?: number;
  filters?: number[];
  epochs: number;
  batch: number;
  lr: number;
  valSplit: number;
  seed: number;
  out: string;
  resume?: boolean;
  strict?: boolean;
  /** 'flip,shift' | 'shift' | 'flip' | 'none' (or false, from --no-augment). */
  augment: string | boolean;
  /** Recipe (defaults: {@link PLAIN_RECIPE}'s, the demo's; the CLI's own defaults are in --help). */
  schedule?: Schedule;
  warmupEpochs?: number;
  weightDecay?: number;
  labelSmoothing?: number;
  balance?: boolean;
  patience?: number;
  /** camnet: BatchNormalization after each conv. */
  batchNorm?: boolean;
  /** Stop once validation accuracy reaches this. */
  targetValAccuracy?: number;
  /** Data-parallel worker threads ('auto': 2 on wasm when two cores are free, else 1). */
  workers?: number | 'auto';
}

/**
 * Resolves `--workers`. 'auto' uses both cores when they are free: on an idle 2-core box two
 * data-parallel wasm workers trained 1.6× faster than the main thread (273 vs 169 img/s at the
 * demo's scale, BENCHMARKS.md), but when other processes already held the cores they measured
 * 0.78–0.96×, so 'auto' falls back to the main thread when the 1-minute load says the second
 * core is busy. Workers need the wasm backend.
 */
export function resolveWorkers(
  workers: number | 'auto' | undefined,
  backend: string,
  cores: number = availableParallelism(),
  load: number = loadavg()[0],
): number {
  if (typeof workers === 'number') {
    if (workers > 1 && backend !== 'wasm') {
      throw new CliError(
        `--workers ${workers}: data-parallel training needs --backend wasm (running ${backend})`,
      );
    }
    return workers;
  }
  if (backend !== 'wasm' || cores < 2) return 1;
  return load <= cores - 1 ? 2 : 1;
}

function augmentArg(value: string): string {
  try {
    parseAugment(value);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message.replace(/^--augment \S+: /, ''));
  }
  return value;
}

/** Parses `--augment`: a comma list of flip and shift, or none. */
export function parseAugment(value: string | boolean): { flip: boolean; shift: number } | null {
  if (value === false || value === 'none') return null;
  if (value === true) return { flip: true, shift: 2 };
  const parts = value.split(',').map((s) => s.trim());
  const bad = parts.filter((p) => p !== 'flip' && p !== 'shift');
  if (bad.length || parts.length === 0) {
    throw new CliError(`--augment ${value}: expected flip, shift, flip,shift or none`);
  }
  return parts.includes('shift') ? { flip: parts.includes('flip'), shift: 2 } : { flip: true, shift: 0 };
}

/** The run's `camkit.json`: what explain/evaluate need to feed the model. */
export interface CamkitJson {
  version: 1;
  arch: string;
  classNames: string[];
  inputSize: [number, number];
  channels: number;
  preprocess: Preprocess;
  synthetic?: { seed: number; count: number; valIndices: number[] };
}

function pick(all: ImageSet, idx: number[]): ImageSet {
  const pix = all.height * all.width * all.channels;
  const images = new Float32Array(idx.length * pix);
  idx.forEach((src, i) => {
    images.set(all.images.subarray(src * pix, (src + 1) * pix), i * pix);
  });
  return { ...all, images, labels: Int32Array.from(idx, (i) => all.labels[i]) };
}

/**
 * The input size when --input-size is not given: the images' own when they all share one square
 * size (so 28-px images train at 28, not upscaled), else 64. Says which and why.
 */
async function defaultInputSize(classRoot: string, log: Log): Promise<number> {
  const common = await commonImageSize(scanFolder(classRoot).files);
  if (common && common[0] === common[1]) {
    log.info(
      `data: input size ${common[0]}, every image's own (${common[0]}×${common[1]}); --input-size resizes`,
    );
    return common[0];
  }
  log.info(
    `data: input size 64, as the images ${common ? `are ${common[0]}×${common[1]} (not square)` : 'differ in size'}; --input-size sets another`,
  );
  return 64;
}

/**
 * `--workers`, said out loud: 'auto' reports what it chose and why, and on --resume keeps the
 * checkpoint's count, since another count sums the gradients in another order (not bit-identical).
 */
function chooseWorkers(o: TrainCommandOptions): {
  workers: number;
  note: string | null;
  warn: string | null;
} {
  const backend = tf.getBackend();
  const ck = o.resume ? readCheckpoint(o.out) : null;
  if (o.workers === 'auto' || o.workers === undefined) {
    if (ck?.workers !== undefined && (ck.workers === 1 || backend === 'wasm')) {
      const note = `--workers auto: ${ck.workers}, as the run being resumed (a bit-identical continuation)`;
      return { workers: ck.workers, note, warn: null };
    }
    const cores = availableParallelism();
    const load = loadavg()[0];
    const n = resolveWorkers('auto', backend, cores, load);
    const why =
      backend !== 'wasm'
        ? `worker threads need the wasm backend (running ${backend})`
        : cores < 2
          ? `${cores} core`
          : `${cores} cores, 1-min load ${load.toFixed(2)} ${n === 2 ? '≤' : '>'} ${cores - 1}`;
    const note = `--workers auto: ${n} ${n === 1 ? 'thread (this one)' : 'worker threads'} (${why})`;
    return { workers: n, note, warn: null };
  }
  const n = resolveWorkers(o.workers, backend);
  const warn =
    ck?.workers !== undefined && ck.workers !== n
      ? `--workers ${n}: the run being resumed trained with ${ck.workers}; it continues, but not bit-identically to a straight run`
      : null;
  return { workers: n, note: null, warn };
}

/** Builds the named architecture. */
export function buildModel(
  arch: Arch,
  inputSize: number,
  numClasses: number,
  filters?: number[],
  batchNorm = false,
): tfl.LayersModel {
  if (arch === 'camnet') return camNet({ inputSize, numClasses, batchNorm, ...(filters ? { filters } : {}) });
  if (batchNorm) throw new CliError('--batch-norm: only --arch camnet has it');
  const blocks = filters ? filters.map((f) => [f, f]) : undefined;
  return vggLike({ inputSize, numClasses, ...(blocks ? { blocks } : {}) });
}

/** Loads the data, splits it, trains and writes the run directory. Returns the history and the val set. */
export async function runTrain(
  o: TrainCommandOptions,
  log: Log,
): Promise<{
  history: History;
  model: tfl.LayersModel;
  val: ImageSet;
  valIndices: number[];
  classNames: string[];
}> {
  if (!o.data === !o.synthetic) throw new CliError('train: give exactly one of --data DIR or --synthetic');
  if (o.resume && !existsSync(join(o.out, 'checkpoint.json'))) {
    throw new CliError(`--resume: no checkpoint.json in ${o.out}; start without --resume`);
  }
  // Every option is checked (data read, split made, model built, workers resolved) before the
  // first write, so a bad one leaves nothing behind.
  const { workers, note: workersNote, warn: workersWarn } = chooseWorkers(o);
  const recipe: Recipe = {
    schedule: o.schedule ?? PLAIN_RECIPE.schedule,
    warmupEpochs: o.warmupEpochs ?? PLAIN_RECIPE.warmupEpochs,
    weightDecay: o.weightDecay ?? PLAIN_RECIPE.weightDecay,
    labelSmoothing: o.labelSmoothing ?? PLAIN_RECIPE.labelSmoothing,
    balance: Boolean(o.balance),
    augment: parseAugment(o.augment),
    ...(o.patience !== undefined ? { patience: o.patience } : {}),
  };
  if (o.batchNorm && o.arch !== 'camnet') throw new CliError('--batch-norm: only --arch camnet has it');
  let size: number;
  let trainSet: ImageSet;
  let valSet: ImageSet;
  let classNames: string[];
  let valIndices: number[] = [];
  let trainCount: number;
  if (o.synthetic) {
    size = o.inputSize ?? 64;
    const s = synthetic(o.count, size, o.seed, o.classes);
    const all = { images: s.images, labels: s.labels, height: size, width: size, channels: 3 };
    classNames = s.classNames;
    const { train, val } = stratifiedSplit(all.labels, o.valSplit, o.seed);
    trainSet = pick(all, train);
    valSet = pick(all, val);
    valIndices = val;
    trainCount = train.length;
  } else {
    const layout = resolveLayout(o.data!);
    size = o.inputSize ?? (await defaultInputSize(layout.train, log));
    const tr = await loadFolder(layout.train, size, log, o.strict);
    classNames = tr.classNames;
    if (layout.val) {
      const va = await loadFolder(layout.val, size, log, o.strict);
      if (va.classNames.join() !== classNames.join()) {
        throw new CliError(
          `--data: class folders of ${layout.val} (${va.classNames.join(', ')}) differ from ${layout.train}'s (${classNames.join(', ')})`,
        );
      }
      log.info(`data: using the given split ${layout.train} / ${layout.val} (--val-split not used)`);
      trainSet = tr;
      valSet = va;
    } else {
      const { train, val } = stratifiedSplit(tr.labels, o.valSplit, o.seed);
      trainSet = pick(tr, train);
      valSet = pick(tr, val);
    }
    if (layout.test) {
      log.info(
        `data: ${layout.test} is left for testing: camkit evaluate --model ${join(o.out, 'model.json')} --data ${layout.test}`,
      );
    }
    trainCount = trainSet.labels.length;
  }
  if (trainCount === 0) throw new CliError('train: no training images left after --val-split');
  log.info(
    `data: ${classNames.length} classes (${classNames.join(', ')}), ${trainCount} train / ${valSet.labels.length} val, ${size}×${size} input`,
  );
  const model = buildModel(o.arch, size, classNames.length, o.filters, Boolean(o.batchNorm));
  // Reproducible weights (a resume overwrites them from the checkpoint anyway).
  seededInit(model, o.seed, o.arch === 'vgg-like' ? 'he' : 'glorot');
  ensureWritableDir(o.out);
  // Said once the options are known to be good (so an error stays the only line).
  if (workersNote) log.info(workersNote);
  if (workersWarn) log.warn(workersWarn);
  const camkitJson: CamkitJson = {
    version: 1,
    arch: o.arch,
    classNames,
    inputSize: [size, size],
    channels: 3,
    preprocess: 'unit',
    ...(o.synthetic ? { synthetic: { seed: o.seed, count: o.count, valIndices } } : {}),
  };
  writeJsonAtomic(join(o.out, 'camkit.json'), camkitJson);
  const history = await trainModel(model, trainSet, valSet, {
    runDir: o.out,
    epochs: o.epochs,
    batchSize: o.batch,
    learningRate: o.lr,
    seed: o.seed,
    numClasses: classNames.length,
    resume: Boolean(o.resume),
    recipe,
    targetValAccuracy: o.targetValAccuracy,
    workers,
    log,
    config: {
      data: o.data ?? null,
      synthetic: Boolean(o.synthetic),
      count: o.synthetic ? o.count : null,
      classes: o.classes ?? null,
      arch: o.arch,
      'input-size': size,
      filters: o.filters ?? null,
      batch: o.batch,
      lr: o.lr,
      'val-split': o.valSplit,
      seed: o.seed,
      schedule: recipe.schedule,
      'warmup-epochs': recipe.warmupEpochs,
      'weight-decay': recipe.weightDecay,
      'label-smoothing': recipe.labelSmoothing,
      balance: recipe.balance,
      augment: recipe.augment,
      patience: recipe.patience ?? null,
      'batch-norm': Boolean(o.batchNorm),
    },
  });
  return { history, model, val: valSet, valIndices, classNames };
}

/** `camkit train`. */
export function trainCommand(log: () => Log): Command {
  const cmd = new Command('train')
    .description('train a CNN classifier (camnet: no pooling, full-resolution CAM; vgg-like: pooling)')
    .option(
      '--data <dir>',
      'images: DIR/<class>/* or DIR/train|val|test/<class>/* (given split used; test/ left for evaluate)',
    )
    .option('--synthetic', "use @camkit/core's embedded synthetic shapes")
    .option('--classes <n>', 'synthetic: number of classes (default: all 4)', int(2))
    .option('--count <m>', 'synthetic: number of images', int(4), 800)
    .option('--arch <arch>', `architecture: ${ARCHS.join(' | ')}`, oneOf(ARCHS), 'camnet')
    .option(
      '--input-size <s>',
      "square input size in pixels (default: the images' own size when they all share one, else 64)",
      int(8),
    )
    .option(
      '--filters <list>',
      'conv filters (camnet: per layer; vgg-like: per block) (default: camnet 16,32,64,64; vgg-like 16,32,64)',
      intList,
    )
    .option(
      '--batch-norm',
      'camnet: BatchNormalization after each conv (folds into the conv; CAM stays exact)',
    )
    .option('--epochs <e>', 'epochs', int(1), 10)
    .option('--batch <b>', 'batch size', int(1), 32)
    .option('--lr <lr>', 'peak AdamW learning rate', float(0), 0.003)
    .option('--schedule <s>', `learning-rate schedule: ${SCHEDULES.join(' | ')}`, oneOf(SCHEDULES), 'cosine')
    .option('--warmup-epochs <e>', 'cosine: epochs of linear warm-up', float(0), 1)
    .option(
      '--weight-decay <wd>',
      'decoupled (AdamW) weight decay on kernels; 0: plain Adam',
      float(0, 1),
      0.01,
    )
    .option('--label-smoothing <e>', 'label smoothing of the cross-entropy', float(0, 0.99), 0.1)
    .option(
      '--augment <list>',
      'random augmentation: flip,shift | shift (digits, text: no mirror images) | flip | none (shift: up to 2 px)',
      augmentArg,
      'flip,shift',
    )
    .option('--no-augment', 'same as --augment none')
    .option('--balance', 'class-balanced sampling: every class drawn equally often (imbalanced folders)')
    .option(
      '--patience <n>',
      'stop after n epochs without a better validation accuracy (default: train every epoch); model.json is always the best epoch',
      int(1),
    )
    .option('--val-split <f>', 'validation fraction (unless DIR has val/)', float(0, 0.99), 0.2)
    .option('--seed <n>', 'seed for split, shuffling, augmentation and synthetic data', int(0), 0)
    .option('--strict', 'unreadable image files are an error instead of skipped')
    .option('--resume', 'continue the run in --out from its last checkpoint')
    .option(
      '--workers <n>',
      "data-parallel worker threads; 'auto': 2 on wasm when two cores are free (1-min load ≤ cores - 1), else 1; on --resume the run's own count",
      workersArg,
      'auto',
    )
    .requiredOption('--out <dir>', 'run directory (model.json, weights.bin, camkit.json, history.json)');
  addBackendOption(cmd);
  cmd.action(async (o) => {
    await startBackend(o.backend, log());
    const t0 = performance.now();
    const { history, model } = await runTrain(o as TrainCommandOptions, log());
    model.dispose();
    const last = history.epochs.at(-1);
    process.stdout.write(
      `trained ${history.epochs.length} epochs in ${((performance.now() - t0) / 1000).toFixed(1)} s` +
        (last?.valAccuracy != null ? `, val accuracy ${last.valAccuracy.toFixed(3)}` : '') +
        `; model: ${join(o.out, 'model.json')}\n`,
    );
  });
  return cmd;
}
