import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { writeFileAtomic } from '@camkit/core/node';
import type { Log } from '../log.js';
import { RUN_FILE_NAMES } from './link-run-file.js';

/**
 * One run from training to viewing: when `camkit explain --model runs/x/model.json --out other/`
 * writes elsewhere than the training run, the model's history.json and metrics.json are copied
 * into `other/` (unless it has its own), so the viewer's plots show the training curves and
 * metrics. Copies, not links: the viewer serves only files under the run directory.
 */
export function adoptRunFiles(modelPath: string, outDir: string, log: Log): string[] {
  const from = dirname(resolve(modelPath));
  if (from === resolve(outDir)) return [];
  const adopted: string[] = [];
  for (const name of Object.values(RUN_FILE_NAMES)) {
    const src = join(from, name);
    const dst = join(outDir, name);
    if (!existsSync(src) || existsSync(dst)) continue;
    writeFileAtomic(dst, readFileSync(src));
    adopted.push(name);
  }
  if (adopted.length)
    log.info(`copied ${adopted.join(' and ')} from ${from} into ${outDir} (the viewer's plots)`);
  return adopted;
}
