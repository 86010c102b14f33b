import { availableParallelism, loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import {
  COLORMAPS,
  type ColormapName,
  METHODS,
  type Method,
  type ModelEntry,
  type Preprocess,
  PreprocessSchema,
} from '@camkit/core';
import { Command, InvalidArgumentError } from 'commander';
import { CliError } from '../errors.js';
import { collectImages, trueClasses } from '../dataset/collect-images.js';
import { adoptRunFiles } from '../explain/adopt-run-files.js';
import { fileImages } from '../explain/file-images.js';
import { preflight } from '../explain/preflight.js';
import { explainInWorkers } from '../explain/parallel-explain.js';
import { modelInput } from '../explain/model-input.js';
import {
  batchesOf,
  type ClassSelection,
  type RunModel,
  runBatchKey,
  writeExplainRun,
} from '../explain/write-run.js';
import { ensureWritableDir } from '../fs/ensure-writable-dir.js';
import type { Log } from '../log.js';
import { bundleModel } from '../model/bundle-model.js';
import { inspectModelOption, loadModelOption } from '../model/load-model-option.js';
import { readModelMeta } from '../model/read-model-meta.js';
import { addBackendOption, startBackend } from './common.js';
import { fileId, float, int, oneOf } from './parse.js';
import { resolveWorkers } from './train.js';

/** Parses `--method a,b` against core's method list. */
export function parseMethods(value: string): Method[] {
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.filter((m) => !(METHODS as readonly string[]).includes(m));
  if (list.length === 0 || bad.length) {
    throw new InvalidArgumentError(
      `unknown method ${bad.join(', ') || '(none)'}; methods: ${METHODS.join(', ')}`,
    );
  }
  return list as Method[];
}

function parseClasses(value: string): ClassSelection {
  if (value === 'all' || value === 'pred') return value;
  const ks = value.split(',').map(Number);
  if (ks.some((k) => !Number.isInteger(k) || k < 0)) {
    throw new InvalidArgumentError("expected 'all', 'pred' or class indices like 0,2");
  }
  return ks;
}

function concurrencyArg(value: string): number | 'auto' {
  return value === 'auto' ? 'auto' : int(1)(value);
}

/**
 * Resolves `--concurrency`: 'auto' is train's `--workers auto` rule (2 on wasm when two cores are
 * free, else 1). Worker threads run the wasm backend, so on any other backend an explicit N > 1
 * falls back to this thread with a one-line note.
 */
export function resolveConcurrency(
  value: number | 'auto',
  backend: string,
  log: Log,
  cores: number = availableParallelism(),
  load: number = loadavg()[0],
): number {
  if (value === 'auto') {
    const n = resolveWorkers('auto', backend, cores, load);
    log.info(`--concurrency auto: ${n} (${backend}, ${cores} core(s), 1-min load ${load.toFixed(2)})`);
    return n;
  }
  if (value > 1 && backend !== 'wasm') {
    log.info(
      `--concurrency ${value}: worker threads run the wasm backend only (running ${backend}); explaining in this thread`,
    );
    return 1;
  }
  return value;
}

/** What {@link modelEntry} needs to know about a model (core's `inspectModel` gives it). */
export interface ModelIo {
  input: { shape: (number | null)[] };
  numClasses: number;
}

/** A model's manifest entry, and whether it is fed at each image's own size. */
export interface ResolvedEntry {
  entry: ModelEntry;
  /** Free input size and no size asked for: each image goes in at its own size. */
  freeSize: boolean;
}

/**
 * Reads the model's camkit.json if any and fills in what flags and the model itself say. Input
 * size: a fixed model input is used as is (images are resized to it; `--input-size` must agree);
 * a free one (null/-1) takes `--input-size`, else camkit.json's, else each image's own size
 * (`imageSize`, the first image's, is then recorded). Channels: 1 (images converted to gray) or 3.
 */
export function modelEntry(
  modelPath: string,
  io: ModelIo,
  outDir: string,
  id: string,
  flags: {
    preprocess?: Preprocess;
    inputSize?: number;
    classNames?: string[];
    imageSize?: [number, number];
  },
): ResolvedEntry {
  const shape = io.input.shape;
  const dim = (d: number | null | undefined) => (d != null && d > 0 ? d : null);
  const channels = dim(shape[3]);
  if (shape.length !== 4 || (channels !== 3 && channels !== 1)) {
    throw new CliError(
      `--model ${modelPath}: input shape [${shape.map((d) => d ?? 'null')}] is not an image ([batch, height, width, 1 or 3])`,
    );
  }
  const { meta } = readModelMeta(modelPath);
  const preprocess = flags.preprocess ?? meta.preprocess ?? 'unit';
  if (channels === 1 && preprocess === 'imagenet') {
    throw new CliError(
      `--preprocess imagenet: the model at ${modelPath} takes one (gray) channel; ImageNet mean/std are per RGB channel`,
    );
  }
  const [fh, fw] = [dim(shape[1]), dim(shape[2])];
  const asked = flags.inputSize ? ([flags.inputSize, flags.inputSize] as [number, number]) : null;
  let size: [number, number] | null;
  if (fh && fw) {
    if (asked && (asked[0] !== fh || asked[1] !== fw)) {
      throw new CliError(`--input-size ${flags.inputSize}: the model at ${modelPath} takes ${fh}×${fw} only`);
    }
    size = [fh, fw];
  } else size = asked ?? meta.inputSize ?? null;
  const freeSize = size === null;
  size ??= flags.imageSize ?? null;
  if (!size) throw new CliError(`--model ${modelPath}: input size is not fixed; pass --input-size`);
  const units = io.numClasses;
  const classNames =
    flags.classNames ?? meta.classNames ?? Array.from({ length: units }, (_, i) => `class${i}`);
  if (classNames.length !== units) {
    throw new CliError(`--model ${modelPath}: ${classNames.length} class names for ${units} outputs`);
  }
  const rel = relative(outDir, modelPath);
  return {
    entry: {
      id,
      path: rel.startsWith('..') ? resolve(modelPath) : rel,
      arch: meta.arch,
      inputSize: size,
      channels,
      classNames,
      preprocess,
    },
    freeSize,
  };
}

/** `camkit explain`. */
export function explainCommand(log: () => Log): Command {
  const cmd = new Command('explain')
    .description('write class activation maps (npy + heatmap png + overlay jpg) and manifest.json for images')
    .requiredOption(
      '--model <model.json>',
      'tfjs Layers or graph model.json (camkit.json beside it supplies classes/preprocessing)',
    )
    .requiredOption(
      '--images <paths...>',
      "image files and/or directories; DIR/<class>/* records each image's true class (the viewer's correct/incorrect filter)",
    )
    .option('--method <list>', `methods, comma-separated: ${METHODS.join(', ')}`, parseMethods, [
      'gradcam',
    ] as Method[])
    .option(
      '--layer <name>',
      'target layer, or graph node name as in model.json (default and candidates: camkit inspect MODEL)',
    )
    .option(
      '--classes <sel>',
      "'all', 'pred' or class indices like 0,2",
      parseClasses,
      'pred' as ClassSelection,
    )
    .option(
      '--preprocess <p>',
      'unit (pixels/255) | signed (2·pixels/255 − 1, [-1, 1]) | imagenet (pixels/255, then mean/std); default from camkit.json or unit',
      oneOf(PreprocessSchema.options),
    )
    .option('--input-size <s>', 'resize inputs to s×s (default: camkit.json or the model input)', int(1))
    .option(
      '--colormap <name>',
      `heatmap colormap: ${Object.keys(COLORMAPS).join(', ')}`,
      oneOf(Object.keys(COLORMAPS) as ColormapName[]),
      'jet' as ColormapName,
    )
    .option('--alpha <a>', 'overlay opacity of the heatmap', float(0, 1), 0.5)
    .option('--save-raw', 'also write the layer-resolution map before ReLU/normalisation (c<k>.raw.npy)')
    .option('--batch <n>', 'images per explain pass', int(1), 16)
    .option(
      '--concurrency <n|auto>',
      "worker threads (wasm backend) sharing the work in whole --batch chunks, so outputs equal 1's; 'auto': 2 when two cores are free (1-min load ≤ cores - 1), else 1",
      concurrencyArg,
      1,
    )
    .option('--strict', 'an unreadable image file is an error instead of skipped with a warning')
    .option('--model-id <id>', 'model id in manifest.json (names its folder)', fileId, 'model')
    .requiredOption('--out <dir>', 'run directory');
  addBackendOption(cmd);
  cmd.action(async (o) => {
    const backend = await startBackend(o.backend, log());
    const model = await loadModelOption(o.model);
    const collected = collectImages(o.images);
    const files = collected.map((c) => c.file);
    const { images, files: readable, skipped } = await fileImages(files, log(), Boolean(o.strict));
    const { entry, freeSize } = modelEntry(o.model, inspectModelOption(model, o.model), o.out, o.modelId, {
      preprocess: o.preprocess,
      inputSize: o.inputSize,
      imageSize: [images[0].height, images[0].width],
    });
    if (Array.isArray(o.classes)) {
      const bad = (o.classes as number[]).filter((k) => k >= entry.classNames.length);
      if (bad.length)
        throw new CliError(`--classes: ${bad.join(', ')} not in 0..${entry.classNames.length - 1}`);
    }
    // True classes from the class folders, for the readable images (images and readable align).
    const labels = trueClasses(collected, entry.classNames);
    const labelOf = new Map(collected.map((c, i) => [c.file, labels[i]]));
    readable.forEach((f, i) => {
      f.trueClass = labelOf.get(f.file) ?? null;
      images[i].trueClass = f.trueClass;
    });
    const known = labels.filter((l) => l !== null).length;
    if (known) log().info(`images: ${known} of ${files.length} labelled by their class folder`);
    // Every option is checked (the preflight runs each method once) before the first write.
    const first = images[0];
    await preflight(
      model,
      { inputSize: freeSize ? [first.height, first.width] : entry.inputSize, channels: entry.channels },
      { input: (h, w) => modelInput(first, entry, [h, w]) },
      o.method,
      o.layer,
    );
    ensureWritableDir(o.out);
    // The run must be self-contained: the viewer can only fetch files under the run directory.
    entry.path = bundleModel(o.model, o.out, entry.id);
    adoptRunFiles(o.model, o.out, log());
    let workers = resolveConcurrency(o.concurrency, backend, log());
    const runModel: RunModel = { entry, model, methods: o.method as Method[], layer: o.layer, freeSize };
    const batches = batchesOf(images, o.batch, runBatchKey([runModel])).length;
    if (workers > 1 && freeSize) {
      log().info(
        `--concurrency ${workers}: the model's input size is free, so each image goes in at its own size; explaining in this thread`,
      );
      workers = 1;
    } else if (workers > 1 && batches === 1) {
      log().info(
        `--concurrency ${workers}: ${images.length} image(s) make one --batch of ${o.batch}; explaining in this thread (a smaller --batch splits them)`,
      );
      workers = 1;
    } else if (workers > 1) {
      workers = Math.min(workers, batches);
      log().info(`explaining ${batches} batch(es) on ${workers} worker threads`);
    }
    const t0 = performance.now();
    const common = {
      outDir: o.out,
      classes: o.classes as ClassSelection,
      colormap: o.colormap as ColormapName,
      alpha: o.alpha as number,
      saveRaw: Boolean(o.saveRaw),
      batchSize: o.batch as number,
      log: log(),
    };
    const manifest =
      workers > 1
        ? await explainInWorkers({
            ...common,
            entry,
            methods: runModel.methods,
            layer: runModel.layer,
            model: runModel,
            modelPath: o.model,
            images: readable,
            workers,
          })
        : await writeExplainRun({ ...common, images, models: [runModel] });
    model.dispose();
    const s = (performance.now() - t0) / 1000;
    process.stdout.write(
      `wrote ${manifest.outputs.length} maps for ${images.length} image(s) in ${s.toFixed(1)} s -> ${join(o.out, 'manifest.json')}\n`,
    );
    if (skipped.length) log().warn(`skipped ${skipped.length} unreadable file(s) of ${files.length}`);
  });
  return cmd;
}
