import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../errors.js';

/** A folder-per-class dataset: every file under `root/<class>/`, labels by sorted class name. */
export interface FolderDataset {
  classNames: string[];
  files: string[];
  labels: number[];
}

/**
 * Lists `root/<class>/<file>` (hidden files ignored; any file is a candidate, undecodable ones are
 * dealt with when loading). Errors: missing root, fewer than two classes, an empty class folder.
 */
export function scanFolder(root: string): FolderDataset {
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch (err) {
    throw new CliError(`--data ${root}: cannot read directory (${(err as NodeJS.ErrnoException).code})`);
  }
  const classNames = entries
    .filter((e) => !e.startsWith('.') && statSync(join(root, e)).isDirectory())
    .sort();
  if (classNames.length < 2) {
    throw new CliError(
      `--data ${root}: found ${classNames.length} class folder(s) (${classNames.join(', ') || 'none'}); a classifier needs at least 2`,
    );
  }
  const files: string[] = [];
  const labels: number[] = [];
  classNames.forEach((name, label) => {
    const dir = join(root, name);
    const items = readdirSync(dir)
      .filter((f) => !f.startsWith('.') && statSync(join(dir, f)).isFile())
      .sort();
    if (items.length === 0) throw new CliError(`--data: class folder ${dir} is empty`);
    for (const f of items) {
      files.push(join(dir, f));
      labels.push(label);
    }
  });
  return { classNames, files, labels };
}
