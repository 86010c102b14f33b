import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CliError } from '../errors.js';
import { writeFileAtomic } from '@camkit/core/node';

/** True when `path` lies inside `dir` (or is it). */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

/**
 * The manifest path of a model for a run in `outDir`: its path relative to the run when it already
 * lies inside, else a copy at `models/<id>/` (model.json, its weight files and camkit.json when
 * present). The viewer fetches models relative to the run (served under /run/), so an outside path
 * would be unreachable. Each file is written atomically, weights before model.json, so a model.json
 * in the run never names a missing weight file.
 *
 * @returns the POSIX path of model.json relative to `outDir`
 */
export function bundleModel(modelJsonPath: string, outDir: string, id: string): string {
  if (isInside(outDir, modelJsonPath))
    return relative(resolve(outDir), resolve(modelJsonPath)).split(sep).join('/');
  const safeId = id.replace(/[^\w.-]+/g, '_').replace(/^\.+$/, '_');
  const destDir = join(outDir, 'models', safeId);
  const srcDir = dirname(modelJsonPath);
  const text = readFileSync(modelJsonPath);
  let json: { weightsManifest?: { paths?: unknown }[] };
  try {
    json = JSON.parse(text.toString('utf8'));
  } catch {
    throw new CliError(`--model ${modelJsonPath}: not valid JSON`);
  }
  const weightPaths = (json.weightsManifest ?? []).flatMap((g) => (Array.isArray(g.paths) ? g.paths : []));
  // Manifest paths are URL-encoded relative paths (tfjs fetches them; core's loader decodes them):
  // the files on disk, and so their copies, carry the decoded names, which are what must stay inside.
  const files: string[] = [];
  for (const p of weightPaths) {
    const file = typeof p === 'string' ? safeDecode(p) : null;
    if (file === null || isAbsolute(file) || !isInside(destDir, join(destDir, file))) {
      throw new CliError(
        `--model ${modelJsonPath}: weight path ${String(p)} leaves the model folder; cannot copy it into the run`,
      );
    }
    files.push(file);
  }
  for (const f of files) writeFileAtomic(join(destDir, f), readFileSync(join(srcDir, f)));
  const meta = join(srcDir, 'camkit.json');
  if (existsSync(meta)) writeFileAtomic(join(destDir, 'camkit.json'), readFileSync(meta));
  writeFileAtomic(join(destDir, 'model.json'), text);
  return `models/${safeId}/model.json`;
}

function safeDecode(p: string): string | null {
  try {
    return decodeURIComponent(p);
  } catch {
    return null;
  }
}
