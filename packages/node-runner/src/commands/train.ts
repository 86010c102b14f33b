import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import type { History } from '@camkit/core';
import { camNet, vggLike } from '@camkit/core';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { Command } from 'commander';
import { loadFolder } from '../dataset/load-folder.js';
import { stratifiedSplit } from '../dataset/split.js';
import { synthetic } from '../dataset/synthetic.js';
import { CliError } from '../errors.js';
import { ensureWritableDir } from '../fs/ensure-writable-dir.js';
import { writeJsonAtomic } from '@camkit/core/node';
import type { Log } from '../log.js';
import { seededInit } from '../train/seeded-init.js';
import { type ImageSet, trainModel } from '../train/train-model.js';
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
  inputSize: number;
  filters?: number[];
  epochs: number;
  batch: number;
  lr: number;
  valSplit: number;
  seed: number;
  out: string;
  resume?: boolean;
  strict?: boolean;
  augment: boolean;
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

/** The run's `camkit.json`: what explain/evaluate need to feed the model. */
export interface CamkitJson {
  version: 1;
  arch: string;
  classNames: string[];
  inputSize: [number, number];
  channels: number;
  preprocess: 'unit' | 'imagenet';
  synthetic?: { seed: number; count: number; valIndices: number[] };
}

/** Builds the named architecture. */
export function buildModel(
  arch: Arch,
  inputSize: number,
  numClasses: number,
  filters?: number[],
): tfl.LayersModel {
  if (arch === 'camnet') return camNet({ inputSize, numClasses, ...(filters ? { filters } : {}) });
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
  const workers = resolveWorkers(o.workers, tf.getBackend());
  const size = o.inputSize;
  let all: ImageSet;
  let classNames: string[];
  if (o.synthetic) {
    const s = synthetic(o.count, size, o.seed, o.classes);
    all = { images: s.images, labels: s.labels, height: size, width: size, channels: 3 };
    classNames = s.classNames;
  } else {
    const f = await loadFolder(o.data!, size, log, o.strict);
    all = f;
    classNames = f.classNames;
  }
  const { train, val } = stratifiedSplit(all.labels, o.valSplit, o.seed);
  if (train.length === 0) throw new CliError('train: no training images left after --val-split');
  const pick = (idx: number[]): ImageSet => {
    const pix = size * size * 3;
    const images = new Float32Array(idx.length * pix);
    idx.forEach((src, i) => {
      images.set(all.images.subarray(src * pix, (src + 1) * pix), i * pix);
    });
    return {
      images,
      labels: Int32Array.from(idx, (i) => all.labels[i]),
      height: size,
      width: size,
      channels: 3,
    };
  };
  const trainSet = pick(train);
  const valSet = pick(val);
  log.info(
    `data: ${classNames.length} classes (${classNames.join(', ')}), ${train.length} train / ${val.length} val`,
  );
  const model = buildModel(o.arch, size, classNames.length, o.filters);
  // Reproducible weights (a resume overwrites them from the checkpoint anyway).
  seededInit(model, o.seed, o.arch === 'vgg-like' ? 'he' : 'glorot');
  ensureWritableDir(o.out);
  const camkitJson: CamkitJson = {
    version: 1,
    arch: o.arch,
    classNames,
    inputSize: [size, size],
    channels: 3,
    preprocess: 'unit',
    ...(o.synthetic ? { synthetic: { seed: o.seed, count: o.count, valIndices: val } } : {}),
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
    augment: o.augment,
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
    },
  });
  return { history, model, val: valSet, valIndices: val, classNames };
}

/** `camkit train`. */
export function trainCommand(log: () => Log): Command {
  const cmd = new Command('train')
    .description('train a CNN classifier (camnet: no pooling, full-resolution CAM; vgg-like: pooling)')
    .option('--data <dir>', 'folder-per-class images (jpg/png/webp...)')
    .option('--synthetic', "use @camkit/core's embedded synthetic shapes")
    .option('--classes <n>', 'synthetic: number of classes', int(2))
    .option('--count <m>', 'synthetic: number of images', int(4), 800)
    .option('--arch <arch>', `architecture: ${ARCHS.join(' | ')}`, oneOf(ARCHS), 'camnet')
    .option('--input-size <s>', 'square input size in pixels', int(8), 64)
    .option(
      '--filters <list>',
      'conv filters (camnet: per layer; vgg-like: per block), e.g. 16,32,64,64',
      intList,
    )
    .option('--epochs <e>', 'epochs', int(1), 10)
    .option('--batch <b>', 'batch size', int(1), 32)
    .option('--lr <lr>', 'Adam learning rate', float(0), 0.003)
    .option('--val-split <f>', 'validation fraction', float(0, 0.99), 0.2)
    .option('--seed <n>', 'seed for split, shuffling, augmentation and synthetic data', int(0), 0)
    .option('--no-augment', 'disable random flip/shift augmentation')
    .option('--strict', 'unreadable image files are an error instead of skipped')
    .option('--resume', 'continue the run in --out from its last checkpoint')
    .option(
      '--workers <n>',
      "data-parallel worker threads; 'auto': 2 on wasm when two cores are free (1-min load ≤ cores - 1), else 1",
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
