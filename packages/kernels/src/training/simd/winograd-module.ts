import { forOutputChannels, RegisterTile } from './register-tile.js';
import { FunctionWriter, I32, type Local, V128, type WasmTarget, writeModule } from './wasm-writer.js';

/**
 * A 3×3, stride-1 convolution by Winograd's minimal filtering F(m×m, 3×3) (Lavin & Gray, 2015), as
 * wasm SIMD generated for one (input channels, output channels, m) triple. Each m×m block of
 * outputs ("tile") is computed from the n×n input patch d under it (n = m + 2) as
 *   Y = Aᵀ [ Σ_c (G g_c,o Gᵀ) ⊙ (Bᵀ d_c B) ] A,
 * i.e. n² elementwise products per tile and channel pair instead of 9m² multiply-adds: 2.25× fewer
 * multiplications than direct convolution for m = 2, 4× for m = 4. The sum over input channels of
 * the n² products is n² small GEMMs (one per position ξ of the n×n transform domain), which is
 * where the time goes, so they run on a 4-tile × 8-channel register tile like the filter-gradient
 * kernel. m = 4 does 1.78× fewer GEMM multiply-adds per output than m = 2, for larger transforms
 * and about 5× the float32 rounding (its matrices hold 4, 5, 8, 1/6, 1/24).
 *
 * Tiles are processed in blocks of T so the transformed inputs V[n²][T][Cp] and products
 * M[n²][T][Co] stay in L2. The exports, called per block by `winograd-conv.ts`:
 * - `inputTransform(xp, v, tileStart, total, tilesW, tilesPerImage, rowBytes, imageBytes)`:
 *   V[ξ][t] = (Bᵀ d B)[ξ] for tiles tileStart … tileStart+T−1 of the zero-padded input xp
 *   `[N, Hp, Wp, Cp]` (tiles past the end repeat the last one; their products are never stored);
 * - `gemm(v, u, m)`: M[ξ] = V[ξ] · U[ξ] with U[ξ] = (G g Gᵀ)[ξ] as `[n²][Cp][Co]`;
 * - `outputTransform(m, out, tileStart, count, tilesW, tilesPerImage, outH, outW, bias)`: Aᵀ M A
 *   (+ bias, ReLU when the epilogue asks) into the NHWC output, skipping the rows and columns of
 *   tiles that overhang the edge;
 * - `dyTransform` and `gemmAccumulate`: the filter gradient's (see {@link dyTransform});
 * - `filterTransform(w, u, inC)`: U = G g Gᵀ, once per call (see {@link filterTransform});
 * - `filterGradOut(acc, dw, inC)`: dW = Gᵀ acc G (see {@link filterGradOut}).
 *
 * The matrices are {@link WINOGRAD}'s. `cp` and `co` must be
 * multiples of 4; `tileBlock` a multiple of 4.
 */
export function writeWinogradModule(
  cp: number,
  co: number,
  tileBlock: number,
  target: WasmTarget,
  epilogue: WinogradEpilogue = { bias: false, relu: false },
  tile: WinogradTile = 2,
): Uint8Array<ArrayBuffer> {
  const w = WINOGRAD[tile];
  const T = tileBlock;
  const cpB = cp * 4;
  const coB = co * 4;
  const planeV = winogradPlaneBytes(cp, T);
  const planeM = winogradPlaneBytes(co, T);
  return writeModule(
    [
      { name: 'inputTransform', fn: inputTransform(w, cpB, T, planeV) },
      { name: 'gemm', fn: positionGemm(w, 'gemm', cp, co, T, { planeV, planeM }, target) },
      { name: 'outputTransform', fn: outputTransform(w, coB, planeM, epilogue) },
      { name: 'dyTransform', fn: dyTransform(w, coB, T, planeM) },
      { name: 'filterTransform', fn: filterTransform(w, cp, co) },
      { name: 'filterGradOut', fn: filterGradOut(w, cp, co) },
      {
        name: 'gemmAccumulate',
        fn: positionGemm(w, 'gemmAccumulate', cp, co, T, { planeV, planeM }, target),
      },
    ],
    target,
  );
}

/** What `outputTransform` applies after Aᵀ M A (FusedConv2D): + bias[o], then max(·, 0). */
export interface WinogradEpilogue {
  bias: boolean;
  relu: boolean;
}

/** The output tile size m of F(m×m, 3×3). */
export type WinogradTile = 2 | 4;

/** F(m×m, 3×3)'s matrices: Bᵀ (n×n), G (n×3) and Aᵀ (m×n), n = m + 2. */
export interface WinogradMatrices {
  readonly m: WinogradTile;
  readonly n: number;
  readonly BT: readonly (readonly number[])[];
  readonly G: readonly (readonly number[])[];
  readonly AT: readonly (readonly number[])[];
}

/**
 * m = 2: the interpolation points 0, ±1, ∞; m = 4: 0, ±1, ±2, ∞ (Lavin & Gray's F(4×4, 3×3), as
 * NNPACK and oneDNN use it).
 */
export const WINOGRAD: Record<WinogradTile, WinogradMatrices> = {
  2: {
    m: 2,
    n: 4,
    BT: [
      [1, 0, -1, 0],
      [0, 1, 1, 0],
      [0, -1, 1, 0],
      [0, 1, 0, -1],
    ],
    G: [
      [1, 0, 0],
      [1 / 2, 1 / 2, 1 / 2],
      [1 / 2, -1 / 2, 1 / 2],
      [0, 0, 1],
    ],
    AT: [
      [1, 1, 1, 0],
      [0, 1, -1, -1],
    ],
  },
  4: {
    m: 4,
    n: 6,
    BT: [
      [4, 0, -5, 0, 1, 0],
      [0, -4, -4, 1, 1, 0],
      [0, 4, -4, -1, 1, 0],
      [0, -2, -1, 2, 1, 0],
      [0, 2, -1, -2, 1, 0],
      [0, 4, 0, -5, 0, 1],
    ],
    G: [
      [1 / 4, 0, 0],
      [-1 / 6, -1 / 6, -1 / 6],
      [-1 / 6, 1 / 6, -1 / 6],
      [1 / 24, 1 / 12, 1 / 6],
      [1 / 24, -1 / 12, 1 / 6],
      [0, 0, 1],
    ],
    AT: [
      [1, 1, 1, 1, 1, 0],
      [0, 1, -1, 2, -2, 0],
      [0, 1, 1, 4, 4, 0],
      [0, 1, -1, 8, -8, 1],
    ],
  },
};

/**
 * Byte stride between the n² position planes of V (`[n²][T][Cp]`) and of M / Ŷ (`[n²][T][Co]`):
 * one plane plus a 64-byte cache line. The transforms touch all n² planes per tile; at a
 * power-of-two stride (T = 32, 64 channels: 8 kB) those addresses share one L1 set, which has 8
 * ways, and the input transform ran 3× slower.
 */
export function winogradPlaneBytes(channels: number, tileBlock: number): number {
  return tileBlock * channels * 4 + 64;
}

const transpose = (a: readonly (readonly number[])[]): number[][] =>
  (a[0] as readonly number[]).map((_, j) => a.map((row) => row[j] as number));

/** One term of a transform row: c·(x[a] − x[b]), or c·x[a] where b is null. */
type Term = readonly [c: number, a: number, b: number | null];

/**
 * A transform matrix as rows of terms. A row whose coefficients sum to 0 (it maps a constant
 * input to 0) is written in differences — pairs c·(x[a] − x[b]), the rest against the row's
 * largest coefficient — so that a constant input gives exactly 0, as in exact arithmetic. That
 * keeps what direct convolution keeps in flat image regions: equal outputs along a row or column
 * of constant input stay bit-equal, so a max-pool tie there still goes to the first maximum. Plain
 * terms with F(4×4)'s 4·x0 − 5·x2 + x4 left such ties to rounding (and a guided-backprop map of a
 * photograph with a flat sky 5 % off pytorch-grad-cam's).
 */
function rowTerms(matrix: readonly (readonly number[])[]): Term[][] {
  return matrix.map((row) => {
    const left = row.flatMap((c, i) => (c === 0 ? [] : [{ c, i }]));
    if (left.reduce((sum, t) => sum + t.c, 0) !== 0) return left.map(({ c, i }): Term => [c, i, null]);
    const terms: Term[] = [];
    for (let k = 0; k < left.length; k++) {
      const t = left[k] as { c: number; i: number };
      const partner = left.findIndex((u, j) => j > k && u.c === -t.c);
      if (partner < 0) continue;
      const u = left[partner] as { c: number; i: number };
      // c·x[a] − c·x[b] with c > 0
      terms.push(t.c > 0 ? [t.c, t.i, u.i] : [u.c, u.i, t.i]);
      left.splice(partner, 1);
      left.splice(k--, 1);
    }
    if (left.length > 0) {
      const ref = left.reduce((best, t) => (Math.abs(t.c) > Math.abs(best.c) ? t : best));
      for (const t of left) if (t !== ref) terms.push(t.c > 0 ? [t.c, t.i, ref.i] : [-t.c, ref.i, t.i]);
    }
    return terms;
  });
}

/** The terms' coefficients other than ±1, each splatted into a v128 local once. */
function coefficientLocals(f: FunctionWriter, rows: readonly (readonly Term[])[]): Map<number, Local> {
  const values = new Set(rows.flat().flatMap(([c]) => (Math.abs(c) === 1 ? [] : [c])));
  const locals = new Map<number, Local>();
  for (const c of values) {
    const l = f.local(V128);
    f.f32x4Const(c).set(l);
    locals.set(c, l);
  }
  return locals;
}

/**
 * out[k] = Σ over row k's terms (see {@link rowTerms}) over f32x4 locals: ±1 coefficients as adds
 * and subtracts (led by a +1 term where the row has one), the others as multiply-adds with their
 * splatted constant.
 */
function transform1d(
  f: FunctionWriter,
  rows: readonly (readonly Term[])[],
  consts: ReadonlyMap<number, Local>,
  x: readonly Local[],
  out: readonly Local[],
): void {
  const value = ([, a, b]: Term) => {
    f.get(x[a] as Local);
    if (b != null) f.get(x[b] as Local).f32x4Sub();
  };
  rows.forEach((terms, k) => {
    const lead = Math.max(
      0,
      terms.findIndex(([c]) => c === 1),
    );
    const [first, ...rest] = [terms[lead], ...terms.filter((_, j) => j !== lead)] as Term[];
    const c0 = (first as Term)[0];
    const o = out[k] as Local;
    if (c0 === 1) value(first as Term);
    else if (c0 === -1) {
      f.v128Zero();
      value(first as Term);
      f.f32x4Sub();
    } else {
      value(first as Term);
      f.get(consts.get(c0) as Local).f32x4Mul();
    }
    for (const t of rest) {
      const c = t[0];
      if (c === 1 || c === -1) {
        value(t);
        if (c === 1) f.f32x4Add();
        else f.f32x4Sub();
      } else
        f.set(o).f32x4MulAdd(
          () => f.get(consts.get(c) as Local),
          () => value(t),
          () => f.get(o),
        );
    }
    f.set(o);
  });
}

/** Splits a flat tile index into (image, tile row, tile column) and leaves the patch origin. */
function tileOrigin(
  f: FunctionWriter,
  m: number,
  idx: Local,
  tilesW: Local,
  tilesPerImage: Local,
  base: Local,
  rowBytes: Local,
  imageBytes: Local,
  pixelBytes: number,
  tmp: Local,
): void {
  // base += (idx / tilesPerImage) · imageBytes
  f.get(base).get(idx).get(tilesPerImage).divU().get(imageBytes).mul().add().set(base);
  f.get(idx).get(tilesPerImage).remU().set(tmp);
  // base += (tmp / tilesW) · m · rowBytes + (tmp % tilesW) · m · pixelBytes
  f.get(base).get(tmp).get(tilesW).divU().i32(m).mul().get(rowBytes).mul().add();
  f.get(tmp)
    .get(tilesW)
    .remU()
    .i32(m * pixelBytes)
    .mul()
    .add()
    .set(base);
}

/** The parameters and locals of a walk over output-side tiles (the conv output, or dy). */
interface OutputTileWalk {
  readonly m: number;
  readonly tileStart: Local;
  readonly tilesW: Local;
  readonly tilesPerImage: Local;
  readonly outH: Local;
  readonly outW: Local;
  /** The tile counter, its flat index tileStart + t and the tile's first pixel. */
  readonly t: Local;
  readonly idx: Local;
  readonly base: Local;
  readonly tmp: Local;
  /** Byte offset of the 4-channel group within a pixel. */
  readonly cb: Local;
  /** The tile's row of the transform-domain buffer (M or Ŷ), set by the caller. */
  readonly domain: Local;
  readonly rowBytes: Local;
  readonly imageBytes: Local;
  /** Rows and columns of the tile inside outH × outW (1 … m; fewer than m past an edge). */
  readonly rowsLeft: Local;
  readonly colsLeft: Local;
}

/**
 * Declares the walk's i32 locals (in one order for both output-side functions) and sets rowBytes =
 * outW·coB, imageBytes = outH·rowBytes for the NHWC tensor of `coB`-byte pixels.
 */
function outputTileWalk(
  f: FunctionWriter,
  m: number,
  coB: number,
  params: Pick<OutputTileWalk, 'tileStart' | 'tilesW' | 'tilesPerImage' | 'outH' | 'outW'>,
): OutputTileWalk {
  const [t, idx, base, tmp, cb, domain, rowBytes, imageBytes, rowsLeft, colsLeft] = f.locals(I32, 10);
  f.get(params.outW).i32(coB).mul().set(rowBytes);
  f.get(params.outH).get(rowBytes).mul().set(imageBytes);
  return { ...params, m, t, idx, base, tmp, cb, domain, rowBytes, imageBytes, rowsLeft, colsLeft };
}

/**
 * For tile t of the output-side tensor at `tensor`: points `base` at the tile's first pixel and
 * sets `rowsLeft` / `colsLeft` to outH − oy / outW − ox, the tile's origin being (oy, ox).
 */
function outputTile(f: FunctionWriter, coB: number, tensor: Local, l: OutputTileWalk): void {
  f.get(l.tileStart).get(l.t).add().set(l.idx);
  f.get(tensor).set(l.base);
  tileOrigin(f, l.m, l.idx, l.tilesW, l.tilesPerImage, l.base, l.rowBytes, l.imageBytes, coB, l.tmp);
  // rowsLeft = outH − m·((idx % tilesPerImage) / tilesW), colsLeft = outW − m·(idx % tilesW)
  f.get(l.outH)
    .get(l.idx)
    .get(l.tilesPerImage)
    .remU()
    .get(l.tilesW)
    .divU()
    .i32(l.m)
    .mul()
    .sub()
    .set(l.rowsLeft);
  f.get(l.outW)
    .get(l.idx)
    .get(l.tilesPerImage)
    .remU()
    .get(l.tilesW)
    .remU()
    .i32(l.m)
    .mul()
    .sub()
    .set(l.colsLeft);
}

/**
 * The tile's m×m pixels at channel group cb, those inside outH × outW: for pixel k = m·row + col,
 * pushes its address (base + cb + row·rowBytes) and calls `inside(k, offset)` to load or store at
 * it + offset; `outside(k)`, if given, runs for each pixel past an edge instead.
 */
function tilePixels(
  f: FunctionWriter,
  coB: number,
  l: OutputTileWalk,
  inside: (k: number, offset: number) => void,
  outside?: (k: number) => void,
): void {
  const { m } = l;
  const pixel = (r: number, c: number) => () => {
    f.get(l.base).get(l.cb).add();
    if (r > 0) f.get(l.rowBytes).i32(r).mul().add();
    inside(r * m + c, c * coB);
  };
  const missing = outside && ((ks: number[]) => () => ks.forEach(outside));
  const columns = Array.from({ length: m }, (_, c) => c);
  for (let r = 0; r < m; r++) {
    const row = () => {
      pixel(r, 0)();
      // Column c is inside iff c < colsLeft (and then so are the ones before it).
      const from = (c: number): void => {
        if (c === m) return;
        f.i32(c)
          .get(l.colsLeft)
          .ltU()
          .ifElse(
            () => {
              pixel(r, c)();
              from(c + 1);
            },
            missing?.(columns.slice(c).map((cc) => r * m + cc)),
          );
      };
      from(1);
    };
    if (r === 0) row();
    else
      f.i32(r)
        .get(l.rowsLeft)
        .ltU()
        .ifElse(row, missing?.(columns.map((c) => r * m + c)));
  }
}

function inputTransform(w: WinogradMatrices, cpB: number, T: number, planeV: number): FunctionWriter {
  const { m, n, BT } = w;
  const [f, [xp, v, tileStart, total, tilesW, tilesPerImage, rowBytes, imageBytes]] =
    FunctionWriter.ofI32Params(8);
  const [t, idx, base, tmp, cb, vOut] = f.locals(I32, 6);
  const bt = rowTerms(BT);
  const consts = coefficientLocals(f, bt);
  const d = f.locals(V128, n);
  const tt = f.locals(V128, n * n); // tt[i*n + j]: Bᵀd, row i, column j
  const r = f.locals(V128, n);
  const range = Array.from({ length: n }, (_, i) => i);
  f.countUp(t, 0, T, 1, () => {
    // idx = min(tileStart + t, total − 1)
    f.get(tileStart)
      .get(t)
      .add()
      .get(total)
      .i32(1)
      .sub()
      .get(tileStart)
      .get(t)
      .add()
      .get(total)
      .i32(1)
      .sub()
      .ltU()
      .select()
      .set(idx);
    f.get(xp).set(base);
    tileOrigin(f, m, idx, tilesW, tilesPerImage, base, rowBytes, imageBytes, cpB, tmp);
    // vOut = v + t·cpB (+ ξ·planeV per position, as immediates)
    f.get(v).get(t).i32(cpB).mul().add().set(vOut);
    f.countUp(cb, 0, cpB, 16, () => {
      for (let j = 0; j < n; j++) {
        // column j of the patch: rows 0..n−1 at base + cb + i·rowBytes + j·cpB
        for (let i = 0; i < n; i++) {
          f.get(base).get(cb).add();
          if (i > 0) f.get(rowBytes).i32(i).mul().add();
          f.v128Load(j * cpB).set(d[i] as Local);
        }
        transform1d(
          f,
          bt,
          consts,
          d,
          range.map((i) => tt[i * n + j] as Local),
        );
      }
      for (let i = 0; i < n; i++) {
        transform1d(
          f,
          bt,
          consts,
          range.map((j) => tt[i * n + j] as Local),
          r,
        );
        for (let j = 0; j < n; j++) {
          f.get(vOut)
            .get(cb)
            .add()
            .get(r[j] as Local)
            .v128Store((i * n + j) * planeV);
        }
      }
    });
  });
  return f;
}

function outputTransform(
  w: WinogradMatrices,
  coB: number,
  planeM: number,
  epilogue: WinogradEpilogue,
): FunctionWriter {
  const { m, n, AT } = w;
  const [f, [mBuf, out, tileStart, count, tilesW, tilesPerImage, outH, outW, bias]] =
    FunctionWriter.ofI32Params(9);
  const [bv, zero] = f.locals(V128, 2);
  const walk = outputTileWalk(f, m, coB, { tileStart, tilesW, tilesPerImage, outH, outW });
  const { t, cb, domain: mt } = walk;
  const at = rowTerms(AT);
  const consts = coefficientLocals(f, at);
  const mv = f.locals(V128, n * n);
  const s = f.locals(V128, m * n); // Aᵀ M: rows 0..m−1, columns 0..n−1
  const y = f.locals(V128, m * m);
  const rows = Array.from({ length: n }, (_, i) => i);
  const outs = Array.from({ length: m }, (_, i) => i);

  f.countUp(t, 0, count, 1, () => {
    outputTile(f, coB, out, walk);
    f.get(mBuf).get(t).i32(coB).mul().add().set(mt);
    f.countUp(cb, 0, coB, 16, () => {
      for (let xi = 0; xi < n * n; xi++)
        f.get(mt)
          .get(cb)
          .add()
          .v128Load(xi * planeM)
          .set(mv[xi] as Local);
      // Aᵀ M down each column j, then (Aᵀ M) A along each row i.
      for (let j = 0; j < n; j++)
        transform1d(
          f,
          at,
          consts,
          rows.map((i) => mv[i * n + j] as Local),
          outs.map((i) => s[i * n + j] as Local),
        );
      for (let i = 0; i < m; i++)
        transform1d(
          f,
          at,
          consts,
          rows.map((j) => s[i * n + j] as Local),
          outs.map((j) => y[i * m + j] as Local),
        );
      if (epilogue.bias) f.get(bias).get(cb).add().v128Load(0).set(bv);
      if (epilogue.relu) f.v128Zero().set(zero);
      for (const yk of y) {
        if (epilogue.bias) f.get(yk).get(bv).f32x4Add().set(yk);
        if (epilogue.relu) f.get(yk).get(zero).f32x4Max().set(yk);
      }
      tilePixels(f, coB, walk, (k, offset) => f.get(y[k] as Local).v128Store(offset));
    });
  });
  return f;
}

/**
 * For the filter gradient (F(3×3, m×m), the transpose of F(m×m, 3×3)): the m×m block of dy under
 * tile t, through A = (Aᵀ)ᵀ: Ŷ[ξ = n·i + j][t] = (A g Aᵀ)[i][j]; dy outside outH × outW, and tiles
 * t ≥ count, give zeros (they are summed over). With V from `inputTransform`,
 * dW = Gᵀ [Σ_tiles Ŷ ⊙ V] G, the sum being `gemmAccumulate`'s.
 */
function dyTransform(w: WinogradMatrices, coB: number, T: number, planeM: number): FunctionWriter {
  const { m, n, AT } = w;
  const A = transpose(AT);
  const [f, [dy, yOut, tileStart, count, tilesW, tilesPerImage, outH, outW]] = FunctionWriter.ofI32Params(8);
  const walk = outputTileWalk(f, m, coB, { tileStart, tilesW, tilesPerImage, outH, outW });
  const { t, cb, domain: yt } = walk;
  const a = rowTerms(A);
  const consts = coefficientLocals(f, a);
  const g = f.locals(V128, m * m); // g[r*m + c]
  const ag = f.locals(V128, n * m); // (A g): rows 0..n−1, columns 0..m−1
  const yv = f.locals(V128, n);
  const ins = Array.from({ length: m }, (_, i) => i);
  const outs = Array.from({ length: n }, (_, i) => i);

  f.countUp(t, 0, T, 1, () => {
    f.get(yOut).get(t).i32(coB).mul().add().set(yt);
    f.get(t)
      .get(count)
      .ltU()
      .ifElse(
        () => {
          outputTile(f, coB, dy, walk);
          f.countUp(cb, 0, coB, 16, () => {
            tilePixels(
              f,
              coB,
              walk,
              (k, offset) => f.v128Load(offset).set(g[k] as Local),
              (k) => f.v128Zero().set(g[k] as Local),
            );
            for (let c = 0; c < m; c++)
              transform1d(
                f,
                a,
                consts,
                ins.map((r) => g[r * m + c] as Local),
                outs.map((i) => ag[i * m + c] as Local),
              );
            for (let i = 0; i < n; i++) {
              transform1d(
                f,
                a,
                consts,
                ins.map((c) => ag[i * m + c] as Local),
                yv,
              );
              for (let j = 0; j < n; j++)
                f.get(yt)
                  .get(cb)
                  .add()
                  .get(yv[j] as Local)
                  .v128Store((i * n + j) * planeM);
            }
          });
        },
        () => {
          f.countUp(cb, 0, coB, 16, () => {
            for (let xi = 0; xi < n * n; xi++)
              f.get(yt)
                .get(cb)
                .add()
                .v128Zero()
                .v128Store(xi * planeM);
          });
        },
      );
  });
  return f;
}

/** Row `i` of a matrix as its nonzero (coefficient, column) pairs, columns ascending. */
const nonzero = (row: readonly number[]): (readonly [number, number])[] =>
  row.flatMap((g, k) => (g === 0 ? [] : [[g, k] as const]));

/** Pushes acc + x·g (f64x2; x pushed by `x`), or acc + x where g = 1 (the same bits). */
function addScaled(f: FunctionWriter, g: number, x: () => void): void {
  x();
  if (g !== 1) f.f64x2Const(g).f64x2Mul();
  f.f64x2Add();
}

/**
 * `filterTransform(w, u, inC)`: U[ξ = n·i + j][c][o] = (G g Gᵀ)[i][j] for g = w[·, ·, c, o],
 * w being `[3][3][inC][co]` (inC·co floats between taps) and U `[n²][Cp][Co]`; rows
 * c ≥ inC are left as they are (the caller zeroes them). In float64 (f64x2: two output channels
 * at a time) and rounded once to float32, as the sums Σ_ky G[i][ky]·g[ky][kx], then
 * Σ_kx (G g)[i][kx]·G[j][kx], each from 0 in index order: exact where exact arithmetic is.
 */
function filterTransform({ n, G }: WinogradMatrices, cp: number, co: number): FunctionWriter {
  const [f, [w, u, inC]] = FunctionWriter.ofI32Params(3);
  const [c, o, src, dst, tapBytes] = f.locals(I32, 5);
  const taps = f.locals(V128, 9); // g[ky][kx] at 3·ky + kx
  const gg = f.locals(V128, n * 3); // (G g)[i][kx] at 3·i + kx
  const rows = G.map(nonzero);
  const coB = co * 4;
  const planeU = cp * coB;
  f.get(inC).i32(coB).mul().set(tapBytes); // w's taps are [inC][co]
  f.countUp(c, 0, inC, 1, () => {
    f.countUp(o, 0, coB, 8, () => {
      f.get(w).get(c).i32(coB).mul().add().get(o).add().set(src);
      taps.forEach((tap, k) => {
        f.get(src);
        if (k > 0) f.get(tapBytes).i32(k).mul().add();
        f.v128Load64Zero(0).f64x2PromoteLow().set(tap);
      });
      for (let i = 0; i < n; i++)
        for (let kx = 0; kx < 3; kx++) {
          f.f64x2Const(0);
          for (const [g, ky] of rows[i] as (readonly [number, number])[])
            addScaled(f, g, () => f.get(taps[3 * ky + kx] as Local));
          f.set(gg[3 * i + kx] as Local);
        }
      f.get(u).get(c).i32(coB).mul().add().get(o).add().set(dst);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          f.get(dst).f64x2Const(0);
          for (const [g, kx] of rows[j] as (readonly [number, number])[])
            addScaled(f, g, () => f.get(gg[3 * i + kx] as Local));
          f.f32x4DemoteF64x2Zero().v128Store64Low((i * n + j) * planeU);
        }
    });
  });
  return f;
}

/**
 * `filterGradOut(acc, dw, inC)`: the filter gradient's last step,
 * dW[ky][kx][c][o] = Σ_{a,b} G[a][ky]·G[b][kx]·acc[n·a + b][c][o] for acc `[n²][Cp][Co]` (from
 * `gemmAccumulate`) into dW `[3][3][inC][co]`; in float64 (f64x2), summed from 0 in (a, b) order
 * over the nonzero coefficients, rounded once to float32.
 */
function filterGradOut({ n, G }: WinogradMatrices, cp: number, co: number): FunctionWriter {
  const [f, [acc, dw, inC]] = FunctionWriter.ofI32Params(3);
  const [c, o, src, dst, tapBytes] = f.locals(I32, 5);
  const coB = co * 4;
  const planeAcc = cp * coB;
  f.get(inC).i32(coB).mul().set(tapBytes); // dW's taps are [inC][co]
  f.countUp(c, 0, inC, 1, () => {
    f.countUp(o, 0, coB, 8, () => {
      f.get(acc).get(c).i32(coB).mul().add().get(o).add().set(src);
      f.get(dw).get(c).i32(coB).mul().add().get(o).add().set(dst);
      for (let ky = 0; ky < 3; ky++)
        for (let kx = 0; kx < 3; kx++) {
          const t = 3 * ky + kx;
          f.get(dst);
          if (t > 0) f.get(tapBytes).i32(t).mul().add();
          f.f64x2Const(0);
          for (let a = 0; a < n; a++)
            for (let b = 0; b < n; b++) {
              const k = (G[a] as readonly number[])[ky]! * (G[b] as readonly number[])[kx]!;
              if (k === 0) continue;
              addScaled(f, k, () =>
                f
                  .get(src)
                  .v128Load64Zero((n * a + b) * planeAcc)
                  .f64x2PromoteLow(),
              );
            }
          f.f32x4DemoteF64x2Zero().v128Store64Low(0);
        }
    });
  });
  return f;
}

/**
 * The two transform-domain products, one GEMM per position ξ on the 4-row × 8-column register tile,
 * C (+)= A · B with B's rows loaded as vectors and A's elements splatted:
 * - `gemm(v, u, m)` (forward): M[ξ] = V[ξ] · U[ξ], `[T][Cp] · [Cp][Co]` — rows are the block's tiles;
 * - `gemmAccumulate(v, ŷ, acc)` (filter gradient): acc[ξ] += V[ξ]ᵀ · Ŷ[ξ], `[Cp][T] · [T][Co]` —
 *   rows are input channels and the reduction runs over the block's tiles; the accumulator tile
 *   (`acc` is `[n²][Cp][Co]`, L2-resident) is loaded and stored once per block.
 */
function positionGemm(
  w: WinogradMatrices,
  kind: 'gemm' | 'gemmAccumulate',
  cp: number,
  co: number,
  T: number,
  { planeV, planeM }: { planeV: number; planeM: number },
  target: WasmTarget,
): FunctionWriter {
  const [f, [v, b, c]] = FunctionWriter.ofI32Params(3, target);
  const [xi, vXi, bXi, cXi, row0, co0, ap, bp, bEnd, cp0] = f.locals(I32, 10);
  const regs = new RegisterTile(f);
  const cpB = cp * 4;
  const coB = co * 4;
  const accumulate = kind === 'gemmAccumulate';
  // V[ξ] is [T][Cp] either way: A's row stride and reduction step (bytes) swap with the transpose.
  const { rows, depth, aRow, aStep } = accumulate
    ? { rows: cp, depth: T, aRow: 4, aStep: cpB }
    : { rows: T, depth: cp, aRow: cpB, aStep: 4 };

  const tile = (vectors: 1 | 2) => {
    // cp0 = cXi + row0·coB + co0·4; C row r at cp0 + r·coB
    f.get(cXi).get(row0).i32(coB).mul().add().get(co0).i32(4).mul().add().set(cp0);
    if (accumulate) regs.load(vectors, cp0, coB);
    else regs.zero(vectors);
    f.get(vXi).get(row0).i32(aRow).mul().add().set(ap);
    f.get(bXi)
      .get(co0)
      .i32(4)
      .mul()
      .add()
      .tee(bp)
      .i32(depth * coB)
      .add()
      .set(bEnd);
    f.doWhile(bp, bEnd, coB, () => {
      regs.update(vectors, bp, ap, aRow);
      f.get(ap).i32(aStep).add().set(ap);
    });
    regs.store(vectors, cp0, coB);
  };

  f.countUp(xi, 0, w.n * w.n, 1, () => {
    const pointers: [Local, Local, number][] = [
      [vXi, v, planeV],
      // U and acc are [n²][Cp][Co] (one plane at a time: no padding); M and Ŷ padded like V.
      [bXi, b, accumulate ? planeM : cp * coB],
      [cXi, c, accumulate ? cp * coB : planeM],
    ];
    for (const [dst, base, stride] of pointers) f.get(base).get(xi).i32(stride).mul().add().set(dst);
    if (accumulate) {
      f.countUp(row0, 0, rows, regs.rows, () => {
        forOutputChannels(f, co0, co, tile);
      });
    } else {
      // Output channels outer: the U column block (Cp × 8 floats) stays in L1 while every group of
      // 4 tiles passes over it, so U[ξ] is read once per call and V[ξ] (L2-sized by the tile
      // block) is the one re-read. Tiles outer read all of U[ξ] once per 4 tiles: at ResNet-18's
      // 7×7×512 convs (16 MB of U for 16 tiles: 4 passes from L3) the GEMM ran at a third of its
      // multiply-add rate. Interleaved in one process: 1.45× faster there, 1.06–1.10× at
      // ResNet-18's other Winograd convs (batch 1), equal on camNet's 28-px training shard.
      forOutputChannels(f, co0, co, (vectors) => {
        f.countUp(row0, 0, rows, regs.rows, () => tile(vectors));
      });
    }
  });
  return f;
}
