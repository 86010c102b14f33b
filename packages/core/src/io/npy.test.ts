import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR } from '../../test/fixture-dir.js';
import { CamkitError } from '../errors.js';
import { encodeNpy, parseNpy } from './npy.js';

const FIXTURES = FIXTURE_DIR;
// The fixture set's own reader, independent of ours.
const reference = createRequire(import.meta.url)(join(FIXTURES, 'npy.cjs')) as {
  readNpy(file: string): { shape: number[]; dtype: string; data: ArrayLike<number> };
};

function npyFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return npyFiles(p);
    return name.endsWith('.npy') ? [p] : [];
  });
}

function header(text: string, version = 1): Uint8Array {
  const pad = Math.ceil((10 + text.length + 1) / 64) * 64 - 10;
  const h = text.padEnd(pad - 1) + '\n';
  const out = new Uint8Array(10 + h.length + 8);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0], 0);
  new DataView(out.buffer).setUint16(8, h.length, true);
  for (let i = 0; i < h.length; i++) out[10 + i] = h.charCodeAt(i);
  return out;
}

describe('parseNpy / encodeNpy', () => {
  const files = npyFiles(FIXTURES);

  it('finds numpy-written float32 and uint8 fixtures', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.endsWith('.mask.npy'))).toBe(true);
  });

  it('round-trips every numpy-written fixture byte for byte', () => {
    for (const file of files) {
      const bytes = readFileSync(file); // a Buffer, whose slice() does not copy
      const arr = parseNpy(bytes, file);
      const ref = reference.readNpy(file);
      expect(arr.shape).toEqual(ref.shape);
      expect(Array.from(arr.data)).toEqual(Array.from(ref.data));
      const again = encodeNpy(arr);
      expect(Buffer.from(again).equals(Buffer.from(bytes)), file).toBe(true);
    }
  });

  it('encodes a hand-made uint8 array with numpy layout', () => {
    const bytes = encodeNpy({ data: new Uint8Array([1, 2, 3, 4, 5, 6]), shape: [2, 3] });
    const text = new TextDecoder('latin1').decode(bytes.subarray(10, 10 + bytes[8]));
    expect(text.startsWith("{'descr': '|u1', 'fortran_order': False, 'shape': (2, 3), }")).toBe(true);
    expect(text.endsWith('\n')).toBe(true);
    expect((10 + text.length) % 64).toBe(0);
    expect(Array.from(bytes.subarray(-6))).toEqual([1, 2, 3, 4, 5, 6]);
    const back = parseNpy(bytes);
    expect(back).toEqual({ data: new Uint8Array([1, 2, 3, 4, 5, 6]), shape: [2, 3], dtype: 'uint8' });
  });

  it('handles scalars and 1-D shapes like numpy', () => {
    const scalar = encodeNpy({ data: new Float32Array([2.5]), shape: [] });
    expect(new TextDecoder().decode(scalar.subarray(10, 10 + scalar[8]))).toContain("'shape': (), }");
    expect(parseNpy(scalar)).toEqual({ data: new Float32Array([2.5]), shape: [], dtype: 'float32' });
    const vec = encodeNpy({ data: new Float32Array([1, -2]), shape: [2] });
    expect(new TextDecoder().decode(vec.subarray(10, 10 + vec[8]))).toContain("'shape': (2,), }");
  });

  it('reads from an unaligned view', () => {
    const bytes = encodeNpy({ data: new Float32Array([1.5, -3]), shape: [2] });
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(Array.from(parseNpy(shifted.subarray(1)).data)).toEqual([1.5, -3]);
  });

  it('rejects what it does not support with one-line CamkitErrors', () => {
    const fortran = header("{'descr': '<f4', 'fortran_order': True, 'shape': (2,), }");
    expect(() => parseNpy(fortran, 'a.npy')).toThrow(CamkitError);
    expect(() => parseNpy(fortran, 'a.npy')).toThrow(/a\.npy: Fortran-order/);
    const f64 = header("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }");
    expect(() => parseNpy(f64)).toThrow(/dtype '<f8' is not supported/);
    const bigEndian = header("{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }");
    expect(() => parseNpy(bigEndian)).toThrow(/dtype '>f4'/);
    const truncated = header("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }");
    expect(() => parseNpy(truncated)).toThrow(/truncated/);
    expect(() => parseNpy(new TextEncoder().encode('hello world, not npy'))).toThrow(/not a \.npy file/);
    expect(() => encodeNpy({ data: new Float32Array(5), shape: [2, 3] })).toThrow(/needs 6 values, got 5/);
    expect(() => encodeNpy({ data: new Float64Array(1) as never, shape: [1] })).toThrow(
      /Float32Array or Uint8Array/,
    );
    try {
      parseNpy(f64);
    } catch (e) {
      expect((e as Error).message.includes('\n')).toBe(false);
    }
  });
});
