import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type ModelMeta, ModelMetaSchema, validateWithSchema } from '@camkit/core';
import { CliError } from '../errors.js';

/** What `camkit train` / `import-keras` record in `camkit.json` beside a model (core's schema; all optional). */
export type { ModelMeta };

/** `camkit.json` beside the model and what it says; `file` is null when there is none. */
export interface ModelMetaFile {
  file: string | null;
  meta: ModelMeta;
}

/**
 * Reads `camkit.json` beside `modelPath` (a model.json file, or the folder holding it) through
 * core's `ModelMetaSchema`; none is `{}`. Not JSON, or a wrong field, is one line naming the file
 * (and the field).
 */
export function readModelMeta(modelPath: string): ModelMetaFile {
  const dir = existsSync(modelPath) && statSync(modelPath).isDirectory() ? modelPath : dirname(modelPath);
  const file = join(dir, 'camkit.json');
  if (!existsSync(file)) return { file: null, meta: {} };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new CliError(`${file}: not valid JSON`);
  }
  return { file, meta: validateWithSchema(ModelMetaSchema, json, file) };
}
