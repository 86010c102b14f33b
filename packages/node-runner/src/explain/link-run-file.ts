import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Manifest, ManifestSchema } from '@camkit/core';
import { writeJsonAtomic } from '@camkit/core/node';

/** The optional run files a manifest names (see core's ManifestSchema `history` / `metrics`). */
export type RunFileKey = 'history' | 'metrics';

/** The file name each optional run file has inside a run directory. */
export const RUN_FILE_NAMES: Record<RunFileKey, string> = {
  history: 'history.json',
  metrics: 'metrics.json',
};

/**
 * The manifest's `history` / `metrics` fields for `runDir` as it is now: each file's run-relative
 * name when it exists there, else null. The viewer requests only what these name.
 */
export function presentRunFiles(runDir: string): Pick<Manifest, RunFileKey> {
  const has = (k: RunFileKey) => (existsSync(join(runDir, RUN_FILE_NAMES[k])) ? RUN_FILE_NAMES[k] : null);
  return { history: has('history'), metrics: has('metrics') };
}

/**
 * After `history.json` or `metrics.json` was written into `runDir`, name it in the run's
 * manifest.json (rewritten atomically), so the viewer finds it. No manifest there (evaluate run
 * before explain, or into a model directory): nothing to do, and explain names it later.
 */
export function linkRunFile(runDir: string, key: RunFileKey): void {
  const path = join(runDir, 'manifest.json');
  if (!existsSync(path)) return;
  const manifest = ManifestSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  if (manifest[key] === RUN_FILE_NAMES[key]) return;
  writeJsonAtomic(path, { ...manifest, [key]: RUN_FILE_NAMES[key] });
}
