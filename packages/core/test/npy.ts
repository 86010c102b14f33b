import { readFileSync } from 'node:fs';

/** A parsed .npy array (little-endian float32 / uint8, C order: all the fixtures use). */
export interface NpyArray {
  shape: number[];
  data: Float32Array | Uint8Array;
}

/** Minimal .npy reader for the reference fixtures (format 1-3, '<f4' and '|u1'). */
export function readNpy(file: string): NpyArray {
  const bytes = readFileSync(file);
  if (bytes.subarray(1, 6).toString('latin1') !== 'NUMPY') throw new Error(`${file}: not a .npy file`);
  const major = bytes[6];
  const headerLen = major === 1 ? bytes.readUInt16LE(8) : bytes.readUInt32LE(8);
  const start = major === 1 ? 10 : 12;
  const header = bytes.subarray(start, start + headerLen).toString('latin1');
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const shape = (/'shape':\s*\(([^)]*)\)/.exec(header)?.[1] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
  if (/'fortran_order':\s*True/.test(header)) throw new Error(`${file}: Fortran order`);
  const count = shape.reduce((a, b) => a * b, 1);
  const body = bytes.subarray(start + headerLen);
  // Copy so the typed array is aligned and owns its buffer.
  const copy = new Uint8Array(body.byteLength);
  copy.set(body);
  if (descr === '<f4') return { shape, data: new Float32Array(copy.buffer, 0, count) };
  if (descr === '|u1') return { shape, data: new Uint8Array(copy.buffer, 0, count) };
  throw new Error(`${file}: dtype ${descr} not supported`);
}
