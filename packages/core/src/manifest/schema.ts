import { z } from 'zod';
import { describeZodError } from './validate-with-schema.js';

/**
 * The run layout that `camkit explain` / `camkit demo` write and the web viewer reads.
 * Every path is relative to the run directory (the folder holding manifest.json), POSIX separators.
 */

export const BoxSchema = z.object({
  /** Inclusive pixel indices, x = column, y = row. */
  xMin: z.number(),
  yMin: z.number(),
  xMax: z.number(),
  yMax: z.number(),
});
export type Box = z.infer<typeof BoxSchema>;

/**
 * How [0, 1] pixels become the model's input: `unit` as is; `signed` maps them to [-1, 1]
 * (2·x − 1: Keras's "tf" mode, as MobileNet, Inception, Xception and the FER-2013 emotion nets
 * were trained); `imagenet` subtracts the ImageNet mean and divides by its std per RGB channel.
 */
export const PreprocessSchema = z.enum(['unit', 'signed', 'imagenet']);
export type Preprocess = z.infer<typeof PreprocessSchema>;

export const ModelEntrySchema = z.object({
  /** Short id used by outputs (e.g. 'camnet', 'vgglike'). */
  id: z.string().min(1),
  /** Path to model.json (relative to the run dir when inside it, else as given). */
  path: z.string(),
  arch: z.string().optional(),
  inputSize: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  channels: z.number().int().positive().default(3),
  classNames: z.array(z.string()).min(1),
  preprocess: PreprocessSchema.default('unit'),
});
export type ModelEntry = z.infer<typeof ModelEntrySchema>;

export const ImageEntrySchema = z.object({
  /** Unique id (file stem); outputs live under `<id>/`. */
  id: z.string().min(1),
  /** The original image as the run shows it (PNG/JPG copy inside the run dir). */
  file: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Ground truth when known (synthetic data or folder-per-class input). */
  trueClass: z.number().int().nonnegative().nullable().default(null),
  bbox: BoxSchema.nullable().default(null),
  /** Mask .npy (uint8 [H, W]) when known. */
  mask: z.string().nullable().default(null),
  /** Per model id: the prediction. */
  predictions: z.record(
    z.string(),
    z.object({ predicted: z.number().int().nonnegative(), probabilities: z.array(z.number()) }),
  ),
});
export type ImageEntry = z.infer<typeof ImageEntrySchema>;

export const OutputEntrySchema = z.object({
  image: z.string(),
  model: z.string(),
  method: z.string(),
  layer: z.string().nullable(),
  classIndex: z.number().int().nonnegative(),
  className: z.string(),
  /** float32 .npy at input resolution: [H, W] normalised map, or [H, W, 3] for guided methods. */
  npy: z.string(),
  shape: z.array(z.number().int().positive()),
  /** Colormapped heatmap PNG. */
  heatmap: z.string().nullable().default(null),
  /** Heatmap over the original image, JPG. */
  overlay: z.string().nullable().default(null),
  /** Layer-resolution map before ReLU/normalisation (--save-raw). */
  raw: z.string().nullable().default(null),
});
export type OutputEntry = z.infer<typeof OutputEntrySchema>;

export const ManifestSchema = z.object({
  version: z.literal(1),
  createdAt: z.string(),
  tool: z.string().default('camkit'),
  colormap: z.string().default('jet'),
  alpha: z.number().min(0).max(1).default(0.5),
  models: z.array(ModelEntrySchema).min(1),
  images: z.array(ImageEntrySchema),
  outputs: z.array(OutputEntrySchema),
  /**
   * The run's training history (`history.json`, {@link HistorySchema}) when it has one, else null.
   * Readers ask only for the files named here, so a run without them costs no failed request.
   */
  history: z.string().nullable().default(null),
  /** The run's `metrics.json` ({@link MetricsSchema}) when `camkit evaluate` wrote one, else null. */
  metrics: z.string().nullable().default(null),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export const HistorySchema = z.object({
  epochs: z.array(
    z.object({
      epoch: z.number().int().nonnegative(),
      loss: z.number(),
      accuracy: z.number(),
      valLoss: z.number().nullable(),
      valAccuracy: z.number().nullable(),
      seconds: z.number().nonnegative(),
    }),
  ),
});
export type History = z.infer<typeof HistorySchema>;

const CurveSchema = z.array(z.number());

export const MethodMetricsSchema = z.object({
  method: z.string(),
  model: z.string(),
  pointingGame: z.number().nullable(),
  /** Localization error (wrong class or IoU < 0.5) per threshold fraction, e.g. { "0.15": 0.3, "0.2": 0.25 }. */
  localizationError: z.record(z.string(), z.number()),
  meanIoU: z.record(z.string(), z.number()),
  deletionAuc: z.number().nullable(),
  insertionAuc: z.number().nullable(),
  deletionCurve: CurveSchema.optional(),
  insertionCurve: CurveSchema.optional(),
  averageDrop: z.number().nullable().optional(),
  increaseInConfidence: z.number().nullable().optional(),
});
export type MethodMetrics = z.infer<typeof MethodMetricsSchema>;

export const MetricsSchema = z.object({
  version: z.literal(1),
  models: z.array(
    z.object({
      model: z.string(),
      classNames: z.array(z.string()),
      accuracy: z.number(),
      /** confusion[true][pred] counts. */
      confusion: z.array(z.array(z.number().int().nonnegative())),
      count: z.number().int().nonnegative(),
    }),
  ),
  methods: z.array(MethodMetricsSchema),
});
export type Metrics = z.infer<typeof MetricsSchema>;

const PositiveInt = z.number().int().positive();
const Count = z.number().int().nonnegative();

/**
 * `camkit.json` beside a model: what `camkit train` and `camkit import-keras` record so explain and
 * evaluate can feed the model. Every field is optional (a hand-written one may name only classes).
 */
export const ModelMetaSchema = z.object({
  version: z.literal(1).optional(),
  arch: z.string().optional(),
  classNames: z.array(z.string()).min(1).optional(),
  inputSize: z.tuple([PositiveInt, PositiveInt]).optional(),
  channels: PositiveInt.optional(),
  preprocess: PreprocessSchema.optional(),
  /** Set by `camkit train --synthetic`: the seed and image count it trained on. */
  synthetic: z.object({ seed: Count, count: Count, valIndices: z.array(Count).optional() }).optional(),
});
export type ModelMeta = z.infer<typeof ModelMetaSchema>;

/** Parse a manifest, returning a one-line error message instead of throwing a zod stack. */
export function parseManifest(
  json: unknown,
): { ok: true; manifest: Manifest } | { ok: false; error: string } {
  const r = ManifestSchema.safeParse(json);
  if (r.success) return { ok: true, manifest: r.data };
  return { ok: false, error: `invalid manifest at ${describeZodError(r.error)}` };
}
