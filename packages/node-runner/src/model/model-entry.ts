import { relative, resolve } from 'node:path';
import type { ModelEntry, Preprocess } from '@camkit/core';
import { CliError } from '../errors.js';
import { readModelMeta } from './read-model-meta.js';

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
