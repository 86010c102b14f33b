import { forOutputChannels, RegisterTile } from './register-tile.js';
import { FunctionWriter, I32, type Local, V128, type WasmTarget, writeModule } from './wasm-writer.js';

/**
 * A 3×3, stride-1 convolution by Winograd's minimal filtering F(2×2, 3×3) (Lavin & Gray, 2015), as
 * wasm SIMD generated for one (input channels, output channels) pair. Each 2×2 block of outputs
 * ("tile") is computed from the 4×4 input patch d under it as
 *   Y = Aᵀ [ Σ_c (G g_c,o Gᵀ) ⊙ (Bᵀ d_c B) ] A,
 * i.e. 16 elementwise products per tile and channel pair instead of 36 multiply-adds for four
 * outputs: 2.25× fewer multiplications than direct convolution. The sum over input channels of the
 * 16 products is 16 small GEMMs (one per position ξ of the 4×4 transform domain), which is where
 * the time goes, so they run on a 4-tile × 8-channel register tile like the filter-gradient kernel.
 *
 * Tiles are processed in blocks of T so the transformed inputs V[16][T][Cp] and products
 * M[16][T][Co] stay in L2. Three exports, called per block by `winograd-conv.ts`:
 * - `inputTransform(xp, v, tileStart, total, tilesW, tilesPerImage, rowBytes, imageBytes)`:
 *   V[ξ][t] = (Bᵀ d B)[ξ] for tiles tileStart … tileStart+T−1 of the zero-padded input xp
 *   `[N, Hp, Wp, Cp]` (tiles past the end repeat the last one; their products are never stored);
 * - `gemm(v, u, m)`: M[ξ] = V[ξ] · U[ξ] with U[ξ] = (G g Gᵀ)[ξ] as `[16][Cp][Co]`;
 * - `outputTransform(m, out, tileStart, count, tilesW, tilesPerImage, outH, outW, bias)`: Aᵀ M A
 *   (+ bias, ReLU when the epilogue asks) into the NHWC output, skipping the second row/column of
 *   tiles that overhang an odd edge.
 *
 * Bᵀ = [[1,0,−1,0],[0,1,1,0],[0,−1,1,0],[0,1,0,−1]], Aᵀ = [[1,1,1,0],[0,1,−1,−1]],
 * G = [[1,0,0],[½,½,½],[½,−½,½],[0,0,1]] (applied to the filter in JS).
 * `cp` and `co` must be multiples of 4; `tileBlock` a multiple of 4.
 */
/**
 * Byte stride between the 16 position planes of V (`[16][T][Cp]`) and of M / Ŷ (`[16][T][Co]`):
 * one plane plus a 64-byte cache line. The transforms touch all 16 planes per tile; at a
 * power-of-two stride (T = 32, 64 channels: 8 kB) those 16 addresses share one L1 set, which has
 * 8 ways, and the input transform ran 3× slower.
 */
export function winogradPlaneBytes(channels: number, tileBlock: number): number {
  return tileBlock * channels * 4 + 64;
}

export function writeWinogradModule(
  cp: number,
  co: number,
  tileBlock: number,
  target: WasmTarget,
  epilogue: WinogradEpilogue = { bias: false, relu: false },
): Uint8Array<ArrayBuffer> {
  const T = tileBlock;
  const cpB = cp * 4;
  const coB = co * 4;
  const planeV = winogradPlaneBytes(cp, T);
  const planeM = winogradPlaneBytes(co, T);
  return writeModule(
    [
      { name: 'inputTransform', fn: inputTransform(cpB, T, planeV) },
      { name: 'gemm', fn: positionGemm('gemm', cp, co, T, target) },
      { name: 'outputTransform', fn: outputTransform(coB, planeM, epilogue) },
      { name: 'dyTransform', fn: dyTransform(coB, T, planeM) },
      { name: 'gemmAccumulate', fn: positionGemm('gemmAccumulate', cp, co, T, target) },
    ],
    target,
  );
}

/** What `outputTransform` applies after Aᵀ M A (FusedConv2D): + bias[o], then max(·, 0). */
export interface WinogradEpilogue {
  bias: boolean;
  relu: boolean;
}

/** Bᵀ's rows as out[k] = x[a] ± x[b]: x0 − x2, x1 + x2, x2 − x1, x1 − x3. */
const BT_ROWS = [
  [0, 2, 'sub'],
  [1, 2, 'add'],
  [2, 1, 'sub'],
  [1, 3, 'sub'],
] as const;

/** Sets out to the 1-D transform through Bᵀ of x (a row or column of a 4×4 patch). */
function bt(f: FunctionWriter, x: readonly Local[], out: readonly Local[]): void {
  BT_ROWS.forEach(([a, b, op], k) => {
    f.get(x[a] as Local).get(x[b] as Local);
    if (op === 'add') f.f32x4Add();
    else f.f32x4Sub();
    f.set(out[k] as Local);
  });
}

/** Sets out to the 1-D transform through Aᵀ of x: [x0 + x1 + x2, x1 − x2 − x3]. */
function at(f: FunctionWriter, x: readonly Local[], out: readonly Local[]): void {
  const [x0, x1, x2, x3] = x as [Local, Local, Local, Local];
  f.get(x0)
    .get(x1)
    .f32x4Add()
    .get(x2)
    .f32x4Add()
    .set(out[0] as Local);
  f.get(x1)
    .get(x2)
    .f32x4Sub()
    .get(x3)
    .f32x4Sub()
    .set(out[1] as Local);
}

/** Splits a flat tile index into (image, tile row, tile column) and leaves the patch origin. */
function tileOrigin(
  f: FunctionWriter,
  idx: Local,
  tilesW: Local,
  tilesPerImage: Local,
  base: Local,
  rowBytes: Local | number,
  imageBytes: Local,
  pixelBytes: number,
  rowsPerTile: number,
  tmp: Local,
): void {
  // base += (idx / tilesPerImage) · imageBytes
  f.get(base).get(idx).get(tilesPerImage).divU().get(imageBytes).mul().add().set(base);
  f.get(idx).get(tilesPerImage).remU().set(tmp);
  // base += (tmp / tilesW) · rowsPerTile · rowBytes + (tmp % tilesW) · 2 · pixelBytes
  f.get(base).get(tmp).get(tilesW).divU().i32(rowsPerTile).mul();
  if (typeof rowBytes === 'number') f.i32(rowBytes);
  else f.get(rowBytes);
  f.mul().add();
  f.get(tmp)
    .get(tilesW)
    .remU()
    .i32(2 * pixelBytes)
    .mul()
    .add()
    .set(base);
}

/** The parameters and locals of a walk over output-side tiles (the conv output, or dy). */
interface OutputTileWalk {
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
  readonly hasRow1: Local;
  readonly hasCol1: Local;
  readonly oy: Local;
  readonly ox: Local;
}

/**
 * Declares the walk's i32 locals (in one order for both output-side functions) and sets rowBytes =
 * outW·coB, imageBytes = outH·rowBytes for the NHWC tensor of `coB`-byte pixels.
 */
function outputTileWalk(
  f: FunctionWriter,
  coB: number,
  params: Pick<OutputTileWalk, 'tileStart' | 'tilesW' | 'tilesPerImage' | 'outH' | 'outW'>,
): OutputTileWalk {
  const [t, idx, base, tmp, cb, domain, rowBytes, imageBytes, hasRow1, hasCol1, oy, ox] = f.locals(I32, 12);
  f.get(params.outW).i32(coB).mul().set(rowBytes);
  f.get(params.outH).get(rowBytes).mul().set(imageBytes);
  return { ...params, t, idx, base, tmp, cb, domain, rowBytes, imageBytes, hasRow1, hasCol1, oy, ox };
}

/**
 * For tile t of the output-side tensor at `tensor`: points `base` at the tile's first pixel and
 * sets `hasRow1` / `hasCol1` to whether its second row / column lies inside outH × outW (odd sizes
 * overhang).
 */
function outputTile(f: FunctionWriter, coB: number, tensor: Local, l: OutputTileWalk): void {
  f.get(l.tileStart).get(l.t).add().set(l.idx);
  f.get(tensor).set(l.base);
  tileOrigin(f, l.idx, l.tilesW, l.tilesPerImage, l.base, l.rowBytes, l.imageBytes, coB, 2, l.tmp);
  // oy = 2·((idx % tilesPerImage) / tilesW), ox = 2·(idx % tilesW)
  f.get(l.idx).get(l.tilesPerImage).remU().get(l.tilesW).divU().i32(2).mul().set(l.oy);
  f.get(l.idx).get(l.tilesPerImage).remU().get(l.tilesW).remU().i32(2).mul().set(l.ox);
  f.get(l.oy).i32(1).add().get(l.outH).ltU().set(l.hasRow1);
  f.get(l.ox).i32(1).add().get(l.outW).ltU().set(l.hasCol1);
}

/**
 * The tile's 2×2 pixels at channel group cb, those inside outH × outW: for pixel k = 2·row + col,
 * pushes its address (base + cb + row·rowBytes) and calls `inside(k, offset)` to load or store at
 * it + offset; `outside(k)`, if given, runs for each pixel past an odd edge instead.
 */
function tilePixels(
  f: FunctionWriter,
  coB: number,
  l: OutputTileWalk,
  inside: (k: number, offset: number) => void,
  outside?: (k: number) => void,
): void {
  const pixel = (k: number) => () => {
    f.get(l.base).get(l.cb).add();
    if (k >= 2) f.get(l.rowBytes).add();
    inside(k, k % 2 === 1 ? coB : 0);
  };
  const missing =
    outside &&
    ((...ks: number[]) =>
      () =>
        ks.forEach(outside));
  pixel(0)();
  f.get(l.hasCol1).ifElse(pixel(1), missing?.(1));
  f.get(l.hasRow1).ifElse(
    () => {
      pixel(2)();
      f.get(l.hasCol1).ifElse(pixel(3), missing?.(3));
    },
    missing?.(2, 3),
  );
}

function inputTransform(cpB: number, T: number, planeV: number): FunctionWriter {
  const [f, [xp, v, tileStart, total, tilesW, tilesPerImage, rowBytes, imageBytes]] =
    FunctionWriter.ofI32Params(8);
  const [t, idx, base, tmp, cb, vOut] = f.locals(I32, 6);
  const d = f.locals(V128, 4);
  const tt = f.locals(V128, 16); // tt[i*4 + j]: Bᵀd, row i, column j
  const r = f.locals(V128, 4);
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
    tileOrigin(f, idx, tilesW, tilesPerImage, base, rowBytes, imageBytes, cpB, 2, tmp);
    // vOut = v + t·cpB (+ ξ·T·cpB per position, as immediates)
    f.get(v).get(t).i32(cpB).mul().add().set(vOut);
    f.countUp(cb, 0, cpB, 16, () => {
      for (let j = 0; j < 4; j++) {
        // column j of the patch: rows 0..3 at base + cb + i·rowBytes + j·cpB
        for (let i = 0; i < 4; i++) {
          f.get(base).get(cb).add();
          if (i > 0) f.get(rowBytes).i32(i).mul().add();
          f.v128Load(j * cpB).set(d[i] as Local);
        }
        bt(
          f,
          d,
          [0, 1, 2, 3].map((i) => tt[i * 4 + j] as Local),
        );
      }
      for (let i = 0; i < 4; i++) {
        bt(
          f,
          [0, 1, 2, 3].map((j) => tt[i * 4 + j] as Local),
          r,
        );
        for (let j = 0; j < 4; j++) {
          const xi = i * 4 + j;
          f.get(vOut)
            .get(cb)
            .add()
            .get(r[j] as Local)
            .v128Store(xi * planeV);
        }
      }
    });
  });
  return f;
}

function outputTransform(coB: number, planeM: number, epilogue: WinogradEpilogue): FunctionWriter {
  const [f, [m, out, tileStart, count, tilesW, tilesPerImage, outH, outW, bias]] =
    FunctionWriter.ofI32Params(9);
  const [bv, zero] = f.locals(V128, 2);
  const walk = outputTileWalk(f, coB, { tileStart, tilesW, tilesPerImage, outH, outW });
  const { t, cb, domain: mt } = walk;
  const mv = f.locals(V128, 16);
  const sRow = f.locals(V128, 8); // Aᵀ M: rows 0..1, columns 0..3
  const y = f.locals(V128, 4);

  f.countUp(t, 0, count, 1, () => {
    outputTile(f, coB, out, walk);
    f.get(m).get(t).i32(coB).mul().add().set(mt);
    f.countUp(cb, 0, coB, 16, () => {
      for (let xi = 0; xi < 16; xi++)
        f.get(mt)
          .get(cb)
          .add()
          .v128Load(xi * planeM)
          .set(mv[xi] as Local);
      // Aᵀ M down each column j (into rows 0, 1 of sRow), then (Aᵀ M) A along each row i.
      for (let j = 0; j < 4; j++)
        at(
          f,
          [0, 1, 2, 3].map((i) => mv[i * 4 + j] as Local),
          [sRow[j] as Local, sRow[4 + j] as Local],
        );
      for (let i = 0; i < 2; i++)
        at(
          f,
          [0, 1, 2, 3].map((j) => sRow[i * 4 + j] as Local),
          [y[i * 2] as Local, y[i * 2 + 1] as Local],
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
 * For the filter gradient (F(3×3, 2×2), the transpose of F(2×2, 3×3)): the 2×2 block of dy under
 * tile t, through A: Ŷ[ξ = 4i + j][t] = (A g Aᵀ)[i][j] with A = [[1,0],[1,1],[1,−1],[0,−1]];
 * dy outside outH × outW, and tiles t ≥ count, give zeros (they are summed over).
 */
function dyTransform(coB: number, T: number, planeM: number): FunctionWriter {
  const [f, [dy, yOut, tileStart, count, tilesW, tilesPerImage, outH, outW]] = FunctionWriter.ofI32Params(8);
  const walk = outputTileWalk(f, coB, { tileStart, tilesW, tilesPerImage, outH, outW });
  const { t, cb, domain: yt } = walk;
  const g = f.locals(V128, 4); // g00 g01 g10 g11
  const ag = f.locals(V128, 8); // (A g): rows 0..3, columns 0..1
  const zero = (l: Local) => f.v128Zero().set(l);

  f.countUp(t, 0, T, 1, () => {
    f.get(yOut).get(t).i32(coB).mul().add().set(yt);
    f.get(t)
      .get(count)
      .ltU()
      .ifElse(
        () => {
          outputTile(f, coB, dy, walk);
          f.countUp(cb, 0, coB, 16, () => {
            // g00 g01 g10 g11; pixels past an odd edge read as zeros
            tilePixels(
              f,
              coB,
              walk,
              (k, offset) => f.v128Load(offset).set(g[k] as Local),
              (k) => zero(g[k] as Local),
            );
            // A g: for column c, rows [g0c, g0c + g1c, g0c − g1c, −g1c]; stored as ag[row*2 + c]
            for (let c = 0; c < 2; c++) {
              const top = g[c] as Local;
              const bottom = g[2 + c] as Local;
              f.get(top).set(ag[c] as Local);
              f.get(top)
                .get(bottom)
                .f32x4Add()
                .set(ag[2 + c] as Local);
              f.get(top)
                .get(bottom)
                .f32x4Sub()
                .set(ag[4 + c] as Local);
              f.v128Zero()
                .get(bottom)
                .f32x4Sub()
                .set(ag[6 + c] as Local);
            }
            // (A g) Aᵀ: row i = [a, a + b, a − b, −b] for (a, b) = ag[i*2], ag[i*2 + 1]
            for (let i = 0; i < 4; i++) {
              const a = ag[i * 2] as Local;
              const b = ag[i * 2 + 1] as Local;
              const store = (j: number) => f.v128Store((i * 4 + j) * planeM);
              f.get(yt).get(cb).add().get(a);
              store(0);
              f.get(yt).get(cb).add().get(a).get(b).f32x4Add();
              store(1);
              f.get(yt).get(cb).add().get(a).get(b).f32x4Sub();
              store(2);
              f.get(yt).get(cb).add().v128Zero().get(b).f32x4Sub();
              store(3);
            }
          });
        },
        () => {
          f.countUp(cb, 0, coB, 16, () => {
            for (let xi = 0; xi < 16; xi++)
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

/**
 * The two transform-domain products, one GEMM per position ξ on the 4-row × 8-column register tile,
 * C (+)= A · B with B's rows loaded as vectors and A's elements splatted:
 * - `gemm(v, u, m)` (forward): M[ξ] = V[ξ] · U[ξ], `[T][Cp] · [Cp][Co]` — rows are the block's tiles;
 * - `gemmAccumulate(v, ŷ, acc)` (filter gradient): acc[ξ] += V[ξ]ᵀ · Ŷ[ξ], `[Cp][T] · [T][Co]` —
 *   rows are input channels and the reduction runs over the block's tiles; the accumulator tile
 *   (`acc` is `[16][Cp][Co]`, L2-resident) is loaded and stored once per block.
 */
function positionGemm(
  kind: 'gemm' | 'gemmAccumulate',
  cp: number,
  co: number,
  T: number,
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

  f.countUp(xi, 0, 16, 1, () => {
    const pointers: [Local, Local, number][] = [
      [vXi, v, winogradPlaneBytes(cp, T)],
      // U and acc are [16][Cp][Co] (one plane at a time: no padding); M and Ŷ padded like V.
      [bXi, b, accumulate ? winogradPlaneBytes(co, T) : cp * coB],
      [cXi, c, accumulate ? cp * coB : winogradPlaneBytes(co, T)],
    ];
    for (const [dst, base, stride] of pointers) f.get(base).get(xi).i32(stride).mul().add().set(dst);
    f.countUp(row0, 0, rows, regs.rows, () => {
      forOutputChannels(f, co0, co, tile);
    });
  });
  return f;
}
