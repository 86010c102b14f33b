import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { History, Preprocess } from '@camkit/core';
import { writeJsonAtomic } from '@camkit/core/node';
import type * as tfl from '@tensorflow/tfjs-layers';
import { chooseStreaming, type StreamMode } from '../dataset/choose-streaming.js';
import { defaultInputSize } from '../dataset/default-input-size.js';
import type { ImageSource } from '../dataset/image-source.js';
import { loadFolder } from '../dataset/load-folder.js';
import { memorySource } from '../dataset/memory-source.js';
import { type Header, readHeaders } from '../dataset/read-headers.js';
import { resolveLayout } from '../dataset/resolve-layout.js';
import { type FolderDataset, scanFolder } from '../dataset/scan-folder.js';
import { streamFolder } from '../dataset/stream-folder.js';
import { DEFAULT_CACHE_BYTES } from '../dataset/stream-source.js';
import { stratifiedSplit } from '../dataset/split.js';
import { synthetic } from '../dataset/synthetic.js';
import { CliError } from '../errors.js';
import { ensureWritableDir } from '../fs/ensure-writable-dir.js';
import type { Log } from '../log.js';
import { parseAugment } from '../options/parse-augment.js';
import { type Arch, buildModel } from './build-model.js';
import { chooseWorkers } from './choose-workers.js';
import type { Schedule } from './recipe/lr-schedule.js';
import { defaultInit, type InitScheme, seededInit } from './seeded-init.js';
import { type ImageSet, PLAIN_RECIPE, type Recipe, trainModel } from './train-model.js';

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
  /** camnet: dilation rate of each conv. */
  dilations?: number[];
  /** --stream: decode cache size in MiB (default {@link DEFAULT_CACHE_BYTES}). */
  cacheMib?: number;
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
  /** Kernel initialisation; 'auto' (default): see {@link defaultInit}. */
  init?: InitScheme | 'auto';
  /** Stop once validation accuracy reaches this. */
  targetValAccuracy?: number;
  /** Data-parallel worker threads ('auto': 2 on wasm when two cores are free, else 1). */
  workers?: number | 'auto';
  /** --data: stream images from disk per batch instead of decoding all up front. Default 'auto'. */
  stream?: StreamMode;
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

/** Loads the data, splits it, trains and writes the run directory. Returns the history and the val set. */
export async function runTrain(
  o: TrainCommandOptions,
  log: Log,
): Promise<{
  history: History;
  model: tfl.LayersModel;
  val: ImageSource;
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
  if (o.dilations && o.arch !== 'camnet') throw new CliError('--dilations: only --arch camnet has it');
  if (o.dilations && o.dilations.length !== (o.filters?.length ?? 4)) {
    throw new CliError(
      `--dilations: ${o.dilations.length} rates for ${o.filters?.length ?? 4} conv layers (give one per --filters entry)`,
    );
  }
  let size: number;
  let trainSet: ImageSource;
  let valSet: ImageSource;
  let classNames: string[];
  let valIndices: number[] = [];
  let trainCount: number;
  if (o.synthetic) {
    size = o.inputSize ?? 64;
    const s = synthetic(o.count, size, o.seed, o.classes);
    const all: ImageSet = { images: s.images, labels: s.labels, height: size, width: size, channels: 3 };
    classNames = s.classNames;
    const { train, val } = stratifiedSplit(all.labels, o.valSplit, o.seed);
    trainSet = memorySource(all, train);
    valSet = memorySource(all, val);
    valIndices = val;
    trainCount = train.length;
  } else {
    const layout = resolveLayout(o.data!);
    const trScan = scanFolder(layout.train);
    const vaScan = layout.val ? scanFolder(layout.val) : null;
    // Headers are read once, for the default size; streaming reuses them to skip unreadable files.
    let headers: Header[] | undefined;
    if (o.inputSize === undefined) {
      headers = await readHeaders(trScan.files);
      size = defaultInputSize(headers, log);
    } else size = o.inputSize;
    const count = trScan.files.length + (vaScan?.files.length ?? 0);
    // Not part of the run's config: streaming gives the same run, so a resume may switch it.
    const { stream, reason } = chooseStreaming(o.stream ?? 'auto', count, size, size);
    const cacheBytes = o.cacheMib !== undefined ? o.cacheMib * 2 ** 20 : DEFAULT_CACHE_BYTES;
    log.info(
      stream
        ? `data: streaming from disk, decoded per batch (${reason}); decode cache ${cacheBytes / 2 ** 20} MiB (--cache-mib), the next batches decoded ahead; --stream off decodes all up front`
        : `data: decoded into memory up front (${reason}); --stream on reads from disk per batch`,
    );
    const open = async (root: string, scanned: FolderDataset, hs?: Header[]) => {
      if (stream) return streamFolder(root, size, log, o.strict, { scanned, headers: hs, cacheBytes });
      const f = await loadFolder(root, size, log, o.strict, scanned);
      return { classNames: f.classNames, source: memorySource(f) };
    };
    const { classNames: trClasses, source: tr } = await open(layout.train, trScan, headers);
    classNames = trClasses;
    if (layout.val && vaScan) {
      const va = await open(layout.val, vaScan);
      if (va.classNames.join() !== classNames.join()) {
        throw new CliError(
          `--data: class folders of ${layout.val} (${va.classNames.join(', ')}) differ from ${layout.train}'s (${classNames.join(', ')})`,
        );
      }
      log.info(`data: using the given split ${layout.train} / ${layout.val} (--val-split not used)`);
      trainSet = tr;
      valSet = va.source;
    } else {
      const { train, val } = stratifiedSplit(tr.labels, o.valSplit, o.seed);
      trainSet = tr.subset(train);
      valSet = tr.subset(val);
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
  const model = buildModel(o.arch, size, classNames.length, {
    ...(o.filters ? { filters: o.filters } : {}),
    batchNorm: Boolean(o.batchNorm),
    ...(o.dilations ? { dilations: o.dilations } : {}),
  });
  // Reproducible weights (a resume overwrites them from the checkpoint anyway).
  const init: InitScheme =
    o.init == null || o.init === 'auto' ? defaultInit(o.arch, Boolean(o.batchNorm)) : o.init;
  seededInit(model, o.seed, init);
  ensureWritableDir(o.out);
  // Said once the options are known to be good (so an error stays the only line).
  log.info(`init: ${init}${o.init == null || o.init === 'auto' ? ' (auto)' : ''}, seed ${o.seed}`);
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
      dilations: o.dilations ?? null,
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
