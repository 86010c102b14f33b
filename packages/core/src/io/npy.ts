import { CamkitError } from '../errors.js';

/** Element types camkit reads and writes in `.npy` files. */
export type NpyDtype = 'float32' | 'uint8';

/** A C-order array as stored in a `.npy` file. */
export interface NpyArray {
  data: Float32Array | Uint8Array;
  shape: number[];
  dtype: NpyDtype;
}

/** Input of {@link encodeNpy}: the dtype follows the typed array. */
export interface NpyInput {
  data: Float32Array | Uint8Array;
  shape: readonly number[];
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const DESCR: Record<string, NpyDtype> = { '<f4': 'float32', '|u1': 'uint8', '<u1': 'uint8' };
// numpy leaves room in the header for the first axis to grow to 21 digits, then pads to 64 bytes.
const GROWTH_AXIS_MAX_DIGITS = 21;
const ALIGN = 64;

/**
 * Parses a `.npy` file (format 1.0–3.0, little-endian float32 or uint8, C order). Works on bytes from
 * `fetch` or `fs`; the returned data is a copy, aligned and independent of the input.
 * @throws CamkitError for anything else (Fortran order, other dtypes, truncated data).
 */
export function parseNpy(bytes: Uint8Array | ArrayBuffer, source = '.npy data'): NpyArray {
  // A plain Uint8Array view: Node's Buffer.slice would not copy.
  const u8 =
    bytes instanceof Uint8Array
      ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      : new Uint8Array(bytes);
  if (u8.length < 10 || MAGIC.some((b, i) => u8[i] !== b)) {
    throw new CamkitError(`${source}: not a .npy file (bad magic string)`);
  }
  const major = u8[6];
  if (major < 1 || major > 3)
    throw new CamkitError(`${source}: unsupported .npy format version ${major}.${u8[7]}`);
  const view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  const headerStart = major === 1 ? 10 : 12;
  if (u8.length < headerStart) throw new CamkitError(`${source}: truncated .npy header`);
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  if (headerStart + headerLen > u8.length) throw new CamkitError(`${source}: truncated .npy header`);
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(
    u8.subarray(headerStart, headerStart + headerLen),
  );
  const descr = headerField(header, 'descr', /'([^']*)'/, source);
  const fortran = headerField(header, 'fortran_order', /(True|False)/, source);
  const shapeText = headerField(header, 'shape', /\(([^)]*)\)/, source);
  if (fortran === 'True') {
    throw new CamkitError(
      `${source}: Fortran-order .npy is not supported; save it with np.ascontiguousarray`,
    );
  }
  const dtype = DESCR[descr];
  if (!dtype)
    throw new CamkitError(
      `${source}: dtype '${descr}' is not supported (only '<f4' float32 and '|u1' uint8)`,
    );
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map(Number);
  if (shape.some((d) => !Number.isInteger(d) || d < 0))
    throw new CamkitError(`${source}: bad shape (${shapeText})`);
  const count = shape.reduce((a, b) => a * b, 1);
  const itemSize = dtype === 'float32' ? 4 : 1;
  const start = headerStart + headerLen;
  if (u8.length < start + count * itemSize) {
    throw new CamkitError(
      `${source}: truncated .npy data (${u8.length - start} bytes for ${count} × ${itemSize})`,
    );
  }
  const body = u8.slice(start, start + count * itemSize);
  const data = dtype === 'float32' ? new Float32Array(body.buffer) : body;
  return { data, shape, dtype };
}

function headerField(header: string, key: string, value: RegExp, source: string): string {
  const m = new RegExp(`['"]${key}['"]\\s*:\\s*${value.source}`).exec(header);
  if (!m) throw new CamkitError(`${source}: .npy header has no '${key}'`);
  return m[1];
}

/**
 * Encodes a float32 or uint8 array as a `.npy` file (format 1.0, C order), byte for byte as numpy's
 * `np.save` writes it (header padded with spaces and a newline to a multiple of 64 bytes).
 */
export function encodeNpy(arr: NpyInput): Uint8Array {
  const { data, shape } = arr;
  let descr: string;
  if (data instanceof Float32Array) descr = '<f4';
  else if (data instanceof Uint8Array) descr = '|u1';
  else throw new CamkitError('encodeNpy: data must be a Float32Array or Uint8Array');
  if (shape.some((d) => !Number.isInteger(d) || d < 0)) {
    throw new CamkitError(`encodeNpy: bad shape [${shape}]`);
  }
  const count = shape.reduce((a, b) => a * b, 1);
  if (count !== data.length) {
    throw new CamkitError(`encodeNpy: shape [${shape}] needs ${count} values, got ${data.length}`);
  }
  // Python's repr of a tuple: (3,) for one axis, (2, 3) for more.
  const shapeRepr = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeRepr}, }`;
  if (shape.length > 0) header += ' '.repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - String(shape[0]).length));
  const v1 = 10 + header.length + 1 <= 0xffff + 10;
  const prefix = v1 ? 10 : 12;
  const padded = Math.ceil((prefix + header.length + 1) / ALIGN) * ALIGN - prefix;
  header = header.padEnd(padded - 1, ' ') + '\n';
  const bytes =
    data instanceof Float32Array ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : data;
  const out = new Uint8Array(prefix + header.length + bytes.length);
  out.set(MAGIC, 0);
  out[6] = v1 ? 1 : 2;
  out[7] = 0;
  const view = new DataView(out.buffer);
  if (v1) view.setUint16(8, header.length, true);
  else view.setUint32(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[prefix + i] = header.charCodeAt(i);
  out.set(bytes, prefix + header.length);
  return out;
}
