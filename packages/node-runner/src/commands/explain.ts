import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { explain, METHODS, type Method, type ModelEntry } from '@camkit/core';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { Command, InvalidArgumentError } from 'commander';
import { CliError } from '../errors.js';
import { type ClassSelection, type RunImage, writeExplainRun } from '../explain/write-run.js';
import { ensureWritableDir } from '../fs/ensure-writable-dir.js';
import { loadImage, loadImageRgb } from '../images/load-image.js';
import type { Log } from '../log.js';
import { bundleModel } from '../model/bundle-model.js';
import { loadModel } from '../model/model-io.js';
import { addBackendOption, startBackend } from './common.js';
import { float, int, oneOf } from './parse.js';

const IMAGE_EXT = new Set(['.jpg', '.jpeg', '.png', '.webp', '.gif', '.tif', '.tiff', '.bmp', '.avif']);

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

/** Image files named on the command line: files as given, directories' image files (sorted). */
export function collectImages(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new CliError(`--images ${p}: no such file or directory`);
    if (statSync(p).isDirectory()) {
      const files = readdirSync(p)
        .filter((f) => !f.startsWith('.') && IMAGE_EXT.has(extname(f).toLowerCase()))
        .sort()
        .map((f) => join(p, f));
      if (files.length === 0)
        throw new CliError(`--images ${p}: no image files (${[...IMAGE_EXT].join(' ')})`);
      out.push(...files);
    } else out.push(p);
  }
  return out;
}

/** Reads the model's camkit.json if any and fills in what flags and the model itself say. */
export function modelEntry(
  modelPath: string,
  model: tfl.LayersModel,
  outDir: string,
  id: string,
  flags: { preprocess?: 'unit' | 'imagenet'; inputSize?: number; classNames?: string[] },
): ModelEntry {
  const shape = model.inputs[0].shape;
  if (shape.length !== 4 || (shape[3] !== 3 && shape[3] !== 1)) {
    throw new CliError(
      `--model ${modelPath}: input shape [${shape.map((d) => d ?? 'null')}] is not an image ([batch, height, width, 1 or 3])`,
    );
  }
  if (shape[3] === 1)
    throw new CliError(`--model ${modelPath}: single-channel models are not supported yet (RGB only)`);
  let meta: Partial<ModelEntry> & { arch?: string } = {};
  const metaPath = join(dirname(modelPath), 'camkit.json');
  if (existsSync(metaPath)) {
    try {
      meta = JSON.parse(readFileSync(metaPath, 'utf8'));
    } catch {
      throw new CliError(`${metaPath}: not valid JSON`);
    }
  }
  const size = flags.inputSize
    ? ([flags.inputSize, flags.inputSize] as [number, number])
    : (meta.inputSize ?? (shape[1] && shape[2] ? ([shape[1], shape[2]] as [number, number]) : null));
  if (!size) throw new CliError(`--model ${modelPath}: input size is not fixed; pass --input-size`);
  const units = model.outputs[0].shape.at(-1) ?? 0;
  const classNames =
    flags.classNames ?? meta.classNames ?? Array.from({ length: units }, (_, i) => `class${i}`);
  if (classNames.length !== units) {
    throw new CliError(`--model ${modelPath}: ${classNames.length} class names for ${units} outputs`);
  }
  const rel = relative(outDir, modelPath);
  return {
    id,
    path: rel.startsWith('..') ? resolve(modelPath) : rel,
    arch: meta.arch,
    inputSize: size,
    channels: 3,
    classNames,
    preprocess: flags.preprocess ?? meta.preprocess ?? 'unit',
  };
}

/** Turns image files into RunImages with unique ids. Unreadable files are errors naming the file. */
export async function fileImages(files: string[]): Promise<RunImage[]> {
  const used = new Set<string>();
  const out: RunImage[] = [];
  for (const f of files) {
    const { data, width, height } = await loadImageRgb(f);
    let id = basename(f, extname(f)).replace(/[^\w.-]+/g, '_') || 'image';
    for (let k = 2; used.has(id); k++) id = `${basename(f, extname(f))}-${k}`;
    used.add(id);
    out.push({ id, rgb: data, width, height, input: async (h, w) => (await loadImage(f, h, w)).data });
  }
  return out;
}

/**
 * Runs each method once on the first image before anything is written, so an unknown layer or
 * `cam` on a model without GAP→Dense fails fast with nothing half-written.
 */
export async function preflight(
  model: tfl.LayersModel,
  entry: ModelEntry,
  image: RunImage,
  methods: Method[],
  layer?: string,
): Promise<void> {
  const [h, w] = entry.inputSize;
  const xs = tf.tensor4d(await image.input(h, w), [1, h, w, 3]);
  try {
    for (const method of methods) {
      try {
        await explain(model, xs, { method, layer, targets: 'pred', samples: 2, steps: 2 });
      } catch (err) {
        const msg = (err as Error).message.split('\n')[0];
        throw new CliError(`--method ${method}${layer ? ` --layer ${layer}` : ''}: ${msg}`);
      }
    }
  } finally {
    xs.dispose();
  }
}

/** `camkit explain`. */
export function explainCommand(log: () => Log): Command {
  const cmd = new Command('explain')
    .description('write class activation maps (npy + heatmap png + overlay jpg) and manifest.json for images')
    .requiredOption(
      '--model <model.json>',
      'tfjs layers model (camkit.json beside it supplies classes/preprocessing)',
    )
    .requiredOption('--images <paths...>', 'image files and/or directories')
    .option('--method <list>', `methods, comma-separated: ${METHODS.join(', ')}`, parseMethods, [
      'gradcam',
    ] as Method[])
    .option('--layer <name>', 'target layer (default: the last layer with a 4-D output)')
    .option(
      '--classes <sel>',
      "'all', 'pred' or class indices like 0,2",
      parseClasses,
      'pred' as ClassSelection,
    )
    .option(
      '--preprocess <p>',
      'unit (pixels/255) | imagenet (then mean/std); default from camkit.json or unit',
      oneOf(['unit', 'imagenet'] as const),
    )
    .option('--input-size <s>', 'resize inputs to s×s (default: camkit.json or the model input)', int(1))
    .option('--colormap <name>', 'heatmap colormap', 'jet')
    .option('--alpha <a>', 'overlay opacity of the heatmap', float(0, 1), 0.5)
    .option('--save-raw', 'also write the layer-resolution map before ReLU/normalisation (c<k>.raw.npy)')
    .option('--batch <n>', 'images per explain pass', int(1), 16)
    .option('--model-id <id>', 'model id in manifest.json', 'model')
    .requiredOption('--out <dir>', 'run directory');
  addBackendOption(cmd);
  cmd.action(async (o) => {
    await startBackend(o.backend, log());
    const model = await loadModel(o.model);
    const files = collectImages(o.images);
    ensureWritableDir(o.out);
    const entry = modelEntry(o.model, model, o.out, o.modelId, {
      preprocess: o.preprocess,
      inputSize: o.inputSize,
    });
    if (Array.isArray(o.classes)) {
      const bad = (o.classes as number[]).filter((k) => k >= entry.classNames.length);
      if (bad.length)
        throw new CliError(`--classes: ${bad.join(', ')} not in 0..${entry.classNames.length - 1}`);
    }
    const images = await fileImages(files);
    await preflight(model, entry, images[0], o.method, o.layer);
    // The run must be self-contained: the viewer can only fetch files under the run directory.
    entry.path = bundleModel(o.model, o.out, entry.id);
    const t0 = performance.now();
    const manifest = await writeExplainRun({
      outDir: o.out,
      images,
      models: [{ entry, model, methods: o.method, layer: o.layer }],
      classes: o.classes,
      colormap: o.colormap,
      alpha: o.alpha,
      saveRaw: Boolean(o.saveRaw),
      batchSize: o.batch,
      log: log(),
    });
    model.dispose();
    const s = (performance.now() - t0) / 1000;
    process.stdout.write(
      `wrote ${manifest.outputs.length} maps for ${images.length} image(s) in ${s.toFixed(1)} s -> ${join(o.out, 'manifest.json')}\n`,
    );
  });
  return cmd;
}
