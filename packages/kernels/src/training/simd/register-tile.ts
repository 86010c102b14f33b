import { type FunctionWriter, type Local, V128 } from './wasm-writer.js';

/**
 * The register tile every generated GEMM kernel here uses: 4 rows × 1 or 2 vectors of 4 f32
 * (8 accumulators), updated per reduction step by two v128 loads of the "column" operand, four
 * splatted loads of the "row" operand and 16 f32x4 multiply/adds — 32 multiply-adds, as XNNPACK's
 * 4×8 micro-kernels do. Wider tiles (6×8) measured slower in V8.
 */
export class RegisterTile {
  readonly rows = 4;
  private readonly acc: Local[];
  private readonly d: [Local, Local];
  private readonly s: Local;

  constructor(private readonly f: FunctionWriter) {
    this.acc = Array.from({ length: 8 }, () => f.local(V128));
    this.d = [f.local(V128), f.local(V128)];
    this.s = f.local(V128);
  }

  private reg(r: number, w: number): Local {
    return this.acc[r * 2 + w] as Local;
  }

  /** Pushes the address of row r: base + r·rowStride (a constant stride goes in `offset` instead). */
  private rowAddress(base: Local, rowStride: Local | number, r: number): number {
    this.f.get(base);
    if (typeof rowStride === 'number') return r * rowStride;
    if (r > 0) this.f.get(rowStride).i32(r).mul().add();
    return 0;
  }

  zero(vectors: 1 | 2): void {
    for (let r = 0; r < this.rows; r++)
      for (let w = 0; w < vectors; w++) this.f.v128Zero().set(this.reg(r, w));
  }

  /** acc[r][w] = the 4 floats at base + r·rowStride + 16w. */
  load(vectors: 1 | 2, base: Local, rowStride: Local | number): void {
    for (let r = 0; r < this.rows; r++) {
      for (let w = 0; w < vectors; w++) {
        const offset = this.rowAddress(base, rowStride, r);
        this.f.v128Load(offset + 16 * w).set(this.reg(r, w));
      }
    }
  }

  /** Stores acc[r][w] at base + r·rowStride + 16w. */
  store(vectors: 1 | 2, base: Local, rowStride: Local | number): void {
    for (let r = 0; r < this.rows; r++) {
      for (let w = 0; w < vectors; w++) {
        const offset = this.rowAddress(base, rowStride, r);
        this.f.get(this.reg(r, w)).v128Store(offset + 16 * w);
      }
    }
  }

  /** acc[r][w] += splat(f32 at rowPtr + r·splatStride) · (4 floats at colPtr + 16w). */
  update(vectors: 1 | 2, colPtr: Local, rowPtr: Local, splatStride: number): void {
    const { f, s } = this;
    for (let w = 0; w < vectors; w++)
      f.get(colPtr)
        .v128Load(16 * w)
        .set(this.d[w] as Local);
    for (let r = 0; r < this.rows; r++) {
      f.get(rowPtr)
        .v128Load32Splat(r * splatStride)
        .set(s);
      for (let w = 0; w < vectors; w++) {
        const a = this.reg(r, w);
        f.f32x4MulAdd(
          () => f.get(s),
          () => f.get(this.d[w] as Local),
          () => f.get(a),
        ).set(a);
      }
    }
  }
}

/**
 * for (co0 = 0; co0 < co; ) — eight output channels per tile while they last, then a four-channel
 * tail (co is a multiple of 4); `tile(vectors)` emits one tile at column co0.
 */
export function forOutputChannels(
  f: FunctionWriter,
  co0: Local,
  co: Local | number,
  tile: (vectors: 1 | 2) => void,
): void {
  f.forTiles(co0, co, [8, 4], (width) => tile(width === 8 ? 2 : 1));
}
