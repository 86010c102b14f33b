import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ModelEntry } from '@camkit/core';
import { CliError } from '../errors.js';

/** What `camkit train` / `import-keras` record in `camkit.json` beside a model (all optional). */
export interface ModelMeta {
  arch?: string;
  classNames?: string[];
  inputSize?: [number, number];
  channels?: number;
  preprocess?: ModelEntry['preprocess'];
  /** Set by `camkit train --synthetic`: the seed and image count it trained on. */
  synthetic?: { seed: number; count: number };
}

/** `camkit.json` beside the model and what it says; `file` is null when there is none. */
export interface ModelMetaFile {
  file: string | null;
  meta: ModelMeta;
}

/** Reads `camkit.json` beside `modelPath` (a model.json file, or the folder holding it); none is `{}`. */
export function readModelMeta(modelPath: string): ModelMetaFile {
  const dir = existsSync(modelPath) && statSync(modelPath).isDirectory() ? modelPath : dirname(modelPath);
  const file = join(dir, 'camkit.json');
  if (!existsSync(file)) return { file: null, meta: {} };
  try {
    return { file, meta: JSON.parse(readFileSync(file, 'utf8')) as ModelMeta };
  } catch {
    throw new CliError(`${file}: not valid JSON`);
  }
}
