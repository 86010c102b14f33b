import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../errors.js';

/** Where a `--data ROOT`'s splits are. */
export interface DataLayout {
  /** Folder-per-class root of the training images (ROOT itself for the plain layout). */
  train: string;
  /** Folder-per-class validation images when ROOT gives them (val/, valid/ or validation/). */
  val: string | null;
  /** Folder-per-class test images when ROOT gives them (test/). */
  test: string | null;
}

const VAL = ['val', 'valid', 'validation'];

/**
 * Recognises the two common layouts: ROOT/<class>/... (everything is training data; validation
 * is split off with --val-split) and ROOT/train|val|test/<class>/... — a root whose only folders
 * are train plus any of val/valid/validation/test, which are then used as given.
 */
export function resolveLayout(root: string): DataLayout {
  let dirs: string[];
  try {
    dirs = readdirSync(root).filter((e) => !e.startsWith('.') && statSync(join(root, e)).isDirectory());
  } catch (err) {
    throw new CliError(`--data ${root}: cannot read directory (${(err as NodeJS.ErrnoException).code})`);
  }
  const lower = dirs.map((d) => d.toLowerCase());
  const isSplit =
    lower.includes('train') && lower.every((d) => d === 'train' || d === 'test' || VAL.includes(d));
  if (!isSplit) return { train: root, val: null, test: null };
  const find = (names: string[]) => {
    const hits = dirs.filter((d) => names.includes(d.toLowerCase()));
    if (hits.length > 1)
      throw new CliError(`--data ${root}: both ${hits.join(' and ')}; keep one validation folder`);
    return hits.length ? join(root, hits[0]) : null;
  };
  return { train: find(['train'])!, val: find(VAL), test: find(['test']) };
}
