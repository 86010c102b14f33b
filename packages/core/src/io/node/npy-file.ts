import { readFileSync } from 'node:fs';
import { CamkitError } from '../../errors.js';
import { oneLine } from '../model-from-artifacts.js';
import { encodeNpy, type NpyArray, type NpyInput, parseNpy } from '../npy.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** Reads a float32 or uint8 `.npy` file. Errors name the file. */
export function readNpyFile(path: string): NpyArray {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new CamkitError(`cannot read ${path}: ${oneLine(e)}`);
  }
  return parseNpy(bytes, path);
}

/** Writes a float32 or uint8 array as a `.npy` file, atomically (temp file + rename). */
export function writeNpyFile(path: string, arr: NpyInput): void {
  writeFileAtomic(path, encodeNpy(arr));
}
