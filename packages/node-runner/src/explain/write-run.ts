import { join } from 'node:path';
import {
  type Box,
  type ColormapName,
  encodeNpy,
  explain,
  type ImageEntry,
  type Manifest,
  ManifestSchema,
  type Method,
  type ModelEntry,
  type OutputEntry,
  validateWithSchema,
} from '@camkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { writeFileAtomic, writeJsonAtomic } from '@camkit/core/node';
import type { LoadedModel } from '../model/load-model-option.js';
import { colorize, deprocess, overlayMap, resizeMap } from '../images/colorize.js';
import { writeImage } from '../images/encode.js';
import type { Log } from '../log.js';
import { ProgressLine } from '../train/progress.js';
import { presentRunFiles } from './link-run-file.js';
import { modelInput } from './model-input.js';

/** An image to explain: its display pixels and a way to get model input at any size. */
export interface RunImage {
  /** Unique id (file stem); outputs go under `<id>/`. */
  id: string;
  /** Original RGB bytes shown in the viewer and under overlays. */
  rgb: Uint8Array;
  width: number;
  height: number;
  /** RGB float [0, 1] resized to h×w. */
  input(h: number, w: number): Promise<Float32Array>;
  trueClass?: number | null;
  bbox?: Box | null;
  /** uint8 [H, W] mask at display size. */
  mask?: Uint8Array | null;
}

/** One model to explain, with its manifest entry. */
export interface RunModel {
  entry: ModelEntry;
  model: LoadedModel;
  methods: Method[];
  layer?: string;
  /**
   * The model takes any input size and no size was asked for: each image is fed at its own size
   * (batches then hold images of one size, see {@link batchesOf}'s `key`).
   */
  freeSize?: boolean;
}

export type ClassSelection = 'all' | 'pred' | number[];

export interface WriteRunOptions {
  outDir: string;
  images: RunImage[];
  models: RunModel[];
  classes: ClassSelection;
  colormap: ColormapName;
  alpha: number;
  saveRaw: boolean;
  batchSize: number;
  log: Log;
}

const GUIDED = new Set<Method>(['guided-backprop', 'guided-gradcam', 'smoothgrad', 'integrated-gradients']);

/** What one batch of images produced: its manifest image entries and, per model, its outputs. */
export interface BatchResult {
  images: ImageEntry[];
  /** `outputs[m]`: the outputs of `models[m]` for this batch, in write order. */
  outputs: OutputEntry[][];
}

/** The options {@link explainBatch} needs: everything but the image list, batching and logging. */
export type BatchOptions = Pick<
  WriteRunOptions,
  'outDir' | 'models' | 'classes' | 'colormap' | 'alpha' | 'saveRaw'
>;

/**
 * Explains one batch with every model and method, writing `<id>/image.png` (+ `mask.npy`) and
 * `<id>/[<model>/]<method>/c<k>.npy`, `.png` (colormapped) and `.overlay.jpg` (on the original
 * image; CAM methods), `.raw.npy` with saveRaw. The batch is one tensor per model, so a batch's
 * maps depend only on its images (which is what lets worker threads share the work).
 */
export async function explainBatch(o: BatchOptions, batch: RunImage[]): Promise<BatchResult> {
  const images: ImageEntry[] = [];
  for (const img of batch) {
    const file = `${img.id}/image.png`;
    await writeImage(join(o.outDir, file), img.rgb, img.width, img.height, 3, 'png');
    let mask: string | null = null;
    if (img.mask) {
      mask = `${img.id}/mask.npy`;
      writeFileAtomic(join(o.outDir, mask), encodeNpy({ data: img.mask, shape: [img.height, img.width] }));
    }
    images.push({
      id: img.id,
      file,
      width: img.width,
      height: img.height,
      trueClass: img.trueClass ?? null,
      bbox: img.bbox ?? null,
      mask,
      predictions: {},
    });
  }
  const outputs: OutputEntry[][] = [];
  const multi = o.models.length > 1;
  for (const m of o.models) {
    const out: OutputEntry[] = [];
    outputs.push(out);
    const [h, w] = m.freeSize ? [batch[0].height, batch[0].width] : m.entry.inputSize;
    if (m.freeSize && batch.some((img) => img.height !== h || img.width !== w)) {
      throw new Error('explainBatch: a free-size model needs batches of one image size (batchesOf key)');
    }
    const { classNames } = m.entry;
    const c = m.entry.channels ?? 3;
    const data = new Float32Array(batch.length * h * w * c);
    for (let i = 0; i < batch.length; i++) {
      data.set(await modelInput(batch[i], m.entry, [h, w]), i * h * w * c);
    }
    const xs = tf.tensor4d(data, [batch.length, h, w, c]);
    try {
      for (const method of m.methods) {
        // Several explicit classes per image: one pass per class (targets are one class per image).
        const passes: ('all' | 'pred' | number[])[] =
          o.classes === 'all' || o.classes === 'pred'
            ? [o.classes]
            : o.classes.map((k) => batch.map(() => k));
        for (const targets of passes) {
          const res = await explain(m.model, xs, { method, layer: m.layer, targets });
          res.predictions.forEach((p, i) => {
            images[i].predictions[m.entry.id] = {
              predicted: p.predicted,
              probabilities: Array.from(p.probabilities),
            };
          });
          for (const hm of res.heatmaps) {
            const img = batch[hm.imageIndex];
            const dir = multi ? `${img.id}/${m.entry.id}/${method}` : `${img.id}/${method}`;
            const base = `${dir}/c${hm.classIndex}`;
            writeFileAtomic(join(o.outDir, `${base}.npy`), encodeNpy({ data: hm.map, shape: hm.shape }));
            let overlay: string | null = null;
            if (GUIDED.has(method)) {
              const c = hm.shape[2] ?? 1;
              await writeImage(
                join(o.outDir, `${base}.png`),
                deprocess(hm.map),
                hm.shape[1],
                hm.shape[0],
                c as 1 | 3,
                'png',
              );
            } else {
              await writeImage(
                join(o.outDir, `${base}.png`),
                colorize(hm.map, o.colormap),
                hm.shape[1],
                hm.shape[0],
                4,
                'png',
              );
              const big = resizeMap(hm.map, hm.shape[0], hm.shape[1], img.height, img.width);
              const ov = overlayMap(img.rgb, big, img.width, img.height, o.alpha, o.colormap);
              overlay = `${base}.overlay.jpg`;
              await writeImage(join(o.outDir, overlay), ov, img.width, img.height, 4, 'jpg');
            }
            let raw: string | null = null;
            if (o.saveRaw && hm.raw && hm.rawShape) {
              raw = `${base}.raw.npy`;
              writeFileAtomic(join(o.outDir, raw), encodeNpy({ data: hm.raw, shape: hm.rawShape }));
            }
            out.push({
              image: img.id,
              model: m.entry.id,
              method,
              layer: res.layer,
              classIndex: hm.classIndex,
              className: classNames[hm.classIndex] ?? `class${hm.classIndex}`,
              npy: `${base}.npy`,
              shape: hm.shape,
              heatmap: `${base}.png`,
              overlay,
              raw,
            });
          }
        }
      }
    } finally {
      xs.dispose();
    }
  }
  return { images, outputs };
}

/**
 * Assembles the batches' results, in batch order, into the manifest (images in input order;
 * outputs model by model, then batch by batch), validates it against core's ManifestSchema and
 * writes `manifest.json` last, atomically.
 */
export function finishRun(
  o: Pick<WriteRunOptions, 'outDir' | 'models' | 'colormap' | 'alpha'> & { createdAt: string },
  results: BatchResult[],
): Manifest {
  const manifest: Manifest = {
    version: 1,
    createdAt: o.createdAt,
    tool: 'camkit',
    colormap: o.colormap,
    alpha: o.alpha,
    models: o.models.map((m) => m.entry),
    images: results.flatMap((r) => r.images),
    outputs: o.models.flatMap((_, k) => results.flatMap((r) => r.outputs[k])),
    // A history or metrics file already in the run (train or evaluate wrote it there first).
    ...presentRunFiles(o.outDir),
  };
  const parsed = validateWithSchema(ManifestSchema, manifest, 'manifest.json');
  writeJsonAtomic(join(o.outDir, 'manifest.json'), parsed);
  return parsed;
}

/**
 * Splits images into the `--batch`-sized batches every explain pass uses. With `key`, items are
 * first grouped by it (groups in order of first appearance, items in input order) so that a batch
 * never mixes keys — e.g. image sizes for a model fed at each image's own size.
 */
export function batchesOf<T>(items: T[], size: number, key?: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key ? key(item) : '';
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  const out: T[][] = [];
  for (const group of groups.values()) {
    for (let start = 0; start < group.length; start += size) out.push(group.slice(start, start + size));
  }
  return out;
}

/** The `batchesOf` key for a run: image size when some model is fed at each image's own size. */
export function runBatchKey(models: RunModel[]): ((img: RunImage) => string) | undefined {
  return models.some((m) => m.freeSize) ? (img) => `${img.height}x${img.width}` : undefined;
}

/**
 * Explains every image with every model and method, batch by batch (see {@link explainBatch}),
 * then writes `manifest.json` (see {@link finishRun}).
 */
export async function writeExplainRun(o: WriteRunOptions): Promise<Manifest> {
  const createdAt = new Date().toISOString();
  const batches = batchesOf(o.images, o.batchSize, runBatchKey(o.models));
  const results: BatchResult[] = [];
  const progress = new ProgressLine();
  progress.start('explain', o.images.length);
  try {
    for (const batch of batches) {
      results.push(await explainBatch(o, batch));
      progress.update(
        results.reduce((a, r) => a + r.images.length, 0),
        '',
      );
    }
  } finally {
    progress.stop();
  }
  for (const m of o.models) {
    o.log.info(`explained ${o.images.length} image(s) with ${m.entry.id}: ${m.methods.join(', ')}`);
  }
  return finishRun({ ...o, createdAt }, results);
}
