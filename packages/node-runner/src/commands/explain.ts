import { join } from 'node:path';
import { COLORMAPS, type ColormapName, METHODS, type Method, PreprocessSchema } from '@camkit/core';
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
import { startBackend } from '../backend/start-backend.js';
import { addBackendOption } from '../options/backend-option.js';
import { countOrAuto, fileId, float, int, oneOf } from '../options/arg-parsers.js';
import { resolveConcurrency } from '../explain/resolve-concurrency.js';
import { modelEntry } from '../model/model-entry.js';
import { parseMethods } from '../options/parse-methods.js';

function parseClasses(value: string): ClassSelection {
  if (value === 'all' || value === 'pred') return value;
  const ks = value.split(',').map(Number);
  if (ks.some((k) => !Number.isInteger(k) || k < 0)) {
    throw new InvalidArgumentError("expected 'all', 'pred' or class indices like 0,2");
  }
  return ks;
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
      countOrAuto,
      1,
    )
    .option('--strict', 'an unreadable image file is an error instead of skipped with a warning')
    .option('--model-id <id>', 'model id in manifest.json (names its folder)', fileId, 'model')
    .requiredOption('--out <dir>', 'run directory');
  addBackendOption(cmd);
  cmd.action(async (o) => {
    const backend = await startBackend(o.backend, log(), o.threads);
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
