import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import {
  type Baseline,
  type Method,
  type Preprocess,
  SYNTHETIC_CLASS_NAMES,
  syntheticDataset,
} from '@camkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { Command, InvalidArgumentError } from 'commander';
import { loadFolder } from '../dataset/load-folder.js';
import { resolveLayout } from '../dataset/resolve-layout.js';
import { CliError } from '../errors.js';
import { type EvalData, type EvalModel, evaluateModels, formatMetrics } from '../evaluate/evaluate-models.js';
import { preflight } from '../explain/preflight.js';
import { ensureWritableDir } from '../fs/ensure-writable-dir.js';
import { linkRunFile } from '../explain/link-run-file.js';
import { writeJsonAtomic } from '@camkit/core/node';
import { loadImage } from '../images/load-image.js';
import type { Log } from '../log.js';
import { inspectModelOption, loadModelOption } from '../model/load-model-option.js';
import { readModelMeta } from '../model/read-model-meta.js';
import { toModelPixels } from '../explain/model-input.js';
import { startBackend } from '../backend/start-backend.js';
import { addBackendOption } from '../options/backend-option.js';
import { modelEntry } from '../model/model-entry.js';
import { parseMethods } from '../options/parse-methods.js';
import { int } from '../options/arg-parsers.js';

/**
 * `--baseline`: a named substrate or an image file, read and resized to the model input like the
 * data (pixels / 255).
 */
export async function parseBaseline(
  value: string,
  h: number,
  w: number,
  channels = 3,
  mode: Preprocess = 'unit',
): Promise<Baseline> {
  if (value === 'zeros' || value === 'zero') return 'zero';
  if (value === 'blur' || value === 'mean') return value;
  if (!existsSync(value)) {
    throw new CliError(`--baseline ${value}: not blur, zeros, mean or an existing image file`);
  }
  const { data } = await loadImage(value, h, w).catch((err: Error) => {
    throw new CliError(`--baseline ${err.message}`);
  });
  // The substrate replaces model-input pixels, so it is fed exactly as the images are.
  return tf.tensor3d(toModelPixels(data, channels, mode), [h, w, channels]);
}

interface SyntheticMeta {
  seed: number;
  count: number;
}

/** `camkit evaluate`. */
export function evaluateCommand(log: () => Log): Command {
  const cmd = new Command('evaluate')
    .description(
      'accuracy, confusion matrix and, per method, pointing game, localization error, deletion/insertion AUC',
    )
    .requiredOption(
      '--model <paths...>',
      'one or more model.json files (camkit.json beside each supplies classes)',
    )
    .option(
      '--data <dir>',
      'folder-per-class images: DIR/<class>/*, or DIR/test/<class>/* when DIR has train/ and test/',
    )
    .option(
      '--synthetic',
      'fresh synthetic images (never seen in training: sampled after the training range)',
    )
    .option('--count <n>', 'synthetic: number of images', int(1), 200)
    .option('--seed <n>', 'synthetic: seed (default: the one in camkit.json, else 0)', int(0))
    .option(
      '--methods <list>',
      'attribution methods to score (comma-separated); none: accuracy only',
      parseMethods,
    )
    .option('--layer <name>', 'target layer (or graph node) for the CAM methods')
    .option(
      '--input-size <s>',
      'images at s×s for a model whose input size is free (default: camkit.json); a fixed size is used as is',
      int(1),
    )
    .option('--limit <n>', 'images used for the attribution metrics', int(1), 64)
    .option('--steps <n>', 'deletion/insertion steps', int(1), 16)
    .option(
      '--baseline <b>',
      'deletion/insertion substrate: blur | zeros | mean | an image file (default: zeros for deletion, blur for insertion, as RISE; on small images blur ≈ the image, so insertion from it is flat)',
      (v: string) => {
        if (['blur', 'zeros', 'zero', 'mean'].includes(v) || existsSync(v)) return v;
        throw new InvalidArgumentError('not blur, zeros, mean or an existing image file');
      },
    )
    .option('--strict', 'unreadable image files are an error instead of skipped')
    .option('--out <dir>', 'where metrics.json goes (default: the first model directory)');
  addBackendOption(cmd);
  cmd.action(async (o) => {
    if (!o.data === !o.synthetic)
      throw new CliError('evaluate: give exactly one of --data DIR or --synthetic');
    await startBackend(o.backend, log(), o.threads);
    const outDir = o.out ?? dirname(o.model[0]);
    const models: (EvalModel & {
      size: [number, number];
      channels: number;
      preprocess: Preprocess;
      synthetic?: SyntheticMeta;
    })[] = [];
    const ids = new Set<string>();
    for (const p of o.model as string[]) {
      const model = await loadModelOption(p);
      let id = basename(dirname(resolve(p))) || 'model';
      for (let k = 2; ids.has(id); k++) id = `${basename(dirname(resolve(p)))}-${k}`;
      ids.add(id);
      const { entry } = modelEntry(p, inspectModelOption(model, p), outDir, id, {
        inputSize: o.inputSize,
      });
      const { meta } = readModelMeta(p);
      models.push({
        id,
        model,
        classNames: entry.classNames,
        layer: o.layer,
        size: entry.inputSize,
        channels: entry.channels ?? 3,
        preprocess: entry.preprocess,
        synthetic: meta.synthetic,
      });
    }
    const [h, w] = models[0].size;
    const channels = models[0].channels;
    if (models.some((m) => m.channels !== channels)) {
      throw new CliError(
        '--model: all models must take the same number of channels to be evaluated together',
      );
    }
    const mode = models[0].preprocess;
    if (models.some((m) => m.preprocess !== mode)) {
      throw new CliError(
        '--model: all models must share one preprocessing (camkit.json "preprocess") to be evaluated together',
      );
    }
    if (models.some((m) => m.size[0] !== h || m.size[1] !== w)) {
      throw new CliError('--model: all models must share one input size to be evaluated together');
    }
    let data: EvalData;
    if (o.synthetic) {
      if (h !== w) throw new CliError('--synthetic needs a square model input');
      const k = models[0].classNames.length;
      const meta = models[0].synthetic;
      const ds = syntheticDataset({
        count: o.count,
        size: h,
        seed: o.seed ?? meta?.seed ?? 0,
        start: meta?.count ?? 0,
        classes: SYNTHETIC_CLASS_NAMES.slice(0, k),
      });
      data = {
        images: ds.images,
        labels: ds.labels,
        height: h,
        width: w,
        channels: 3,
        boxes: ds.boxes,
        masks: ds.masks,
      };
    } else {
      if (h !== w) throw new CliError('--data needs a square model input');
      // A ROOT/train|test layout is evaluated on its test split.
      const test = resolveLayout(o.data).test;
      if (test) log().info(`data: evaluating on ${test}`);
      const f = await loadFolder(test ?? o.data, h, log(), o.strict);
      const names = models[0].classNames;
      if (f.classNames.join() !== names.join()) {
        throw new CliError(
          `--data ${o.data}: class folders (${f.classNames.join(', ')}) differ from the model's (${names.join(', ')})`,
        );
      }
      data = f;
    }
    // The models see the images as explain gives them: gray for single-channel models, then
    // camkit.json's preprocessing (the zeros/mean/blur baselines are then in that input space too).
    data = { ...data, images: toModelPixels(data.images, channels, mode), channels };
    const baseline =
      o.baseline === undefined ? undefined : await parseBaseline(o.baseline, h, w, channels, mode);
    // The methods and --layer run once on the first image, and --out is checked, before the (long)
    // evaluation; nothing is written until it has succeeded.
    const first = { input: async () => data.images.slice(0, h * w * channels) };
    for (const m of models)
      await preflight(m.model, { inputSize: m.size, channels }, first, o.methods ?? [], o.layer, '--methods');
    ensureWritableDir(outDir, '--out');
    const metrics = await evaluateModels(data, models, {
      ...(baseline !== undefined ? { baseline } : {}),
      methods: (o.methods ?? []) as Method[],
      limit: o.limit,
      steps: o.steps,
      log: log(),
    });
    if (baseline instanceof tf.Tensor) baseline.dispose();
    writeJsonAtomic(join(outDir, 'metrics.json'), metrics);
    linkRunFile(outDir, 'metrics');
    for (const m of models) m.model.dispose();
    process.stdout.write(formatMetrics(metrics));
    process.stdout.write(`metrics: ${join(outDir, 'metrics.json')}\n`);
  });
  return cmd;
}
