import { forOutputChannels, RegisterTile } from './register-tile.js';
import { FunctionWriter, I32, type Local, V128, writeModule } from './wasm-writer.js';

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
export function writeWinogradModule(
  cp: number,
  co: number,
  tileBlock: number,
  shared: boolean,
  epilogue: WinogradEpilogue = { bias: false, relu: false },
): Uint8Array<ArrayBuffer> {
  const T = tileBlock;
  const cpB = cp * 4;
  const coB = co * 4;
  return writeModule(
    [
      { name: 'inputTransform', fn: inputTransform(cpB, T) },
      { name: 'gemm', fn: gemm(cp, co, T) },
      { name: 'outputTransform', fn: outputTransform(coB, T, epilogue) },
      { name: 'dyTransform', fn: dyTransform(coB, T) },
      { name: 'gemmAccumulate', fn: gemmAccumulate(cp, co, T) },
    ],
    { shared },
  );
}

/** What `outputTransform` applies after Aᵀ M A (FusedConv2D): + bias[o], then max(·, 0). */
export interface WinogradEpilogue {
  bias: boolean;
  relu: boolean;
}

/** Leaves the four 1-D transforms of (a, b, c, d) = rows/columns of a 4×4 patch through Bᵀ. */
function bt(f: FunctionWriter, x: readonly Local[], out: readonly Local[]): void {
  const [x0, x1, x2, x3] = x as [Local, Local, Local, Local];
  f.get(x0)
    .get(x2)
    .f32x4Sub()
    .set(out[0] as Local);
  f.get(x1)
    .get(x2)
    .f32x4Add()
    .set(out[1] as Local);
  f.get(x2)
    .get(x1)
    .f32x4Sub()
    .set(out[2] as Local);
  f.get(x1)
    .get(x3)
    .f32x4Sub()
    .set(out[3] as Local);
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

/** rowBytes = outW·coB, imageBytes = outH·rowBytes for an NHWC tensor of `coB`-byte pixels. */
function outputStrides(
  f: FunctionWriter,
  coB: number,
  outH: Local,
  outW: Local,
  rowBytes: Local,
  imageBytes: Local,
): void {
  f.get(outW).i32(coB).mul().set(rowBytes);
  f.get(outH).get(rowBytes).mul().set(imageBytes);
}

/**
 * For a tile on the output side (dy, or the conv output; `base` holds the tensor's address):
 * moves `base` to the tile's first pixel and sets `hasRow1` / `hasCol1` to whether its second row /
 * column lies inside outH × outW (odd sizes overhang).
 */
function outputTile(
  f: FunctionWriter,
  coB: number,
  l: Record<
    | 'idx'
    | 'tilesW'
    | 'tilesPerImage'
    | 'outH'
    | 'outW'
    | 'base'
    | 'rowBytes'
    | 'imageBytes'
    | 'tmp'
    | 'oy'
    | 'ox'
    | 'hasRow1'
    | 'hasCol1',
    Local
  >,
): void {
  tileOrigin(f, l.idx, l.tilesW, l.tilesPerImage, l.base, l.rowBytes, l.imageBytes, coB, 2, l.tmp);
  // oy = 2·((idx % tilesPerImage) / tilesW), ox = 2·(idx % tilesW)
  f.get(l.idx).get(l.tilesPerImage).remU().get(l.tilesW).divU().i32(2).mul().set(l.oy);
  f.get(l.idx).get(l.tilesPerImage).remU().get(l.tilesW).remU().i32(2).mul().set(l.ox);
  f.get(l.oy).i32(1).add().get(l.outH).ltU().set(l.hasRow1);
  f.get(l.ox).i32(1).add().get(l.outW).ltU().set(l.hasCol1);
}

function inputTransform(cpB: number, T: number): FunctionWriter {
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
            .v128Store(xi * T * cpB);
        }
      }
    });
  });
  return f;
}

function gemm(cp: number, co: number, T: number): FunctionWriter {
  const [f, [v, u, m]] = FunctionWriter.ofI32Params(3);
  const [xi, vXi, uXi, mXi, t0, co0, vp, up, vEnd, mp] = f.locals(I32, 10);
  const regs = new RegisterTile(f);
  const cpB = cp * 4;
  const coB = co * 4;

  // M[ξ][t0 + r][co0 …] = Σ_c V[ξ][t0 + r][c] · U[ξ][c][co0 …]
  const tile = (vectors: 1 | 2) => {
    regs.zero(vectors);
    // vp = vXi + t0·cpB; up = uXi + co0·4
    f.get(vXi).get(t0).i32(cpB).mul().add().tee(vp).i32(cpB).add().set(vEnd);
    f.get(uXi).get(co0).i32(4).mul().add().set(up);
    f.doWhile(vp, vEnd, 4, () => {
      regs.update(vectors, up, vp, cpB);
      f.get(up).i32(coB).add().set(up);
    });
    // m[t0 + r][co0 …] at mXi + t0·coB + co0·4 + r·coB
    f.get(mXi).get(t0).i32(coB).mul().add().get(co0).i32(4).mul().add().set(mp);
    regs.store(vectors, mp, coB);
  };

  const pointers: PositionPointers = [
    [vXi, v, T * cpB],
    [uXi, u, cp * coB],
    [mXi, m, T * coB],
  ];
  forEachPositionTile(f, { xi, pointers, row0: t0, rows: T, regs, co0, co }, tile);
  return f;
}

/** `[dst, base, stride]`: dst = base + ξ·stride at each position ξ. */
type PositionPointers = readonly [Local, Local, number][];

/**
 * The loops of both transform-domain GEMMs: for ξ in 0..16 (moving each of `pointers`), for each
 * block of `regs.rows` rows in [0, rows), for each output-channel tile: `tile(vectors)`.
 */
function forEachPositionTile(
  f: FunctionWriter,
  l: {
    xi: Local;
    pointers: PositionPointers;
    row0: Local;
    rows: number;
    regs: RegisterTile;
    co0: Local;
    co: number;
  },
  tile: (vectors: 1 | 2) => void,
): void {
  f.countUp(l.xi, 0, 16, 1, () => {
    for (const [dst, base, stride] of l.pointers) f.get(base).get(l.xi).i32(stride).mul().add().set(dst);
    f.countUp(l.row0, 0, l.rows, l.regs.rows, () => {
      forOutputChannels(f, l.co0, l.co, tile);
    });
  });
}

function outputTransform(coB: number, T: number, epilogue: WinogradEpilogue): FunctionWriter {
  const [f, [m, out, tileStart, count, tilesW, tilesPerImage, outH, outW, bias]] =
    FunctionWriter.ofI32Params(9);
  const [bv, zero] = f.locals(V128, 2);
  const [t, idx, base, tmp, cb, mt, rowBytes, imageBytes, hasRow1, hasCol1, oy, ox] = f.locals(I32, 12);
  const mv = f.locals(V128, 16);
  const sRow = f.locals(V128, 8); // Aᵀ M: rows 0..1, columns 0..3
  const y = f.locals(V128, 4);

  outputStrides(f, coB, outH, outW, rowBytes, imageBytes);
  f.countUp(t, 0, count, 1, () => {
    f.get(tileStart).get(t).add().set(idx);
    f.get(out).set(base);
    outputTile(f, coB, {
      idx,
      tilesW,
      tilesPerImage,
      outH,
      outW,
      base,
      rowBytes,
      imageBytes,
      tmp,
      oy,
      ox,
      hasRow1,
      hasCol1,
    });
    f.get(m).get(t).i32(coB).mul().add().set(mt);
    f.countUp(cb, 0, coB, 16, () => {
      for (let xi = 0; xi < 16; xi++)
        f.get(mt)
          .get(cb)
          .add()
          .v128Load(xi * T * coB)
          .set(mv[xi] as Local);
      for (let j = 0; j < 4; j++) {
        const [m0, m1, m2, m3] = [0, 1, 2, 3].map((i) => mv[i * 4 + j] as Local) as [
          Local,
          Local,
          Local,
          Local,
        ];
        f.get(m0)
          .get(m1)
          .f32x4Add()
          .get(m2)
          .f32x4Add()
          .set(sRow[j] as Local);
        f.get(m1)
          .get(m2)
          .f32x4Sub()
          .get(m3)
          .f32x4Sub()
          .set(sRow[4 + j] as Local);
      }
      for (let i = 0; i < 2; i++) {
        const [s0, s1, s2, s3] = [0, 1, 2, 3].map((j) => sRow[i * 4 + j] as Local) as [
          Local,
          Local,
          Local,
          Local,
        ];
        f.get(s0)
          .get(s1)
          .f32x4Add()
          .get(s2)
          .f32x4Add()
          .set(y[i * 2] as Local);
        f.get(s1)
          .get(s2)
          .f32x4Sub()
          .get(s3)
          .f32x4Sub()
          .set(y[i * 2 + 1] as Local);
      }
      if (epilogue.bias) f.get(bias).get(cb).add().v128Load(0).set(bv);
      if (epilogue.relu) f.v128Zero().set(zero);
      for (const yk of y) {
        if (epilogue.bias) f.get(yk).get(bv).f32x4Add().set(yk);
        if (epilogue.relu) f.get(yk).get(zero).f32x4Max().set(yk);
      }
      f.get(base)
        .get(cb)
        .add()
        .get(y[0] as Local)
        .v128Store(0);
      f.get(hasCol1).ifElse(() => {
        f.get(base)
          .get(cb)
          .add()
          .get(y[1] as Local)
          .v128Store(coB);
      });
      f.get(hasRow1).ifElse(() => {
        f.get(base)
          .get(cb)
          .add()
          .get(rowBytes)
          .add()
          .get(y[2] as Local)
          .v128Store(0);
        f.get(hasCol1).ifElse(() => {
          f.get(base)
            .get(cb)
            .add()
            .get(rowBytes)
            .add()
            .get(y[3] as Local)
            .v128Store(coB);
        });
      });
    });
  });
  return f;
}

/**
 * For the filter gradient (F(3×3, 2×2), the transpose of F(2×2, 3×3)): the 2×2 block of dy under
 * tile t, through A: Ŷ[ξ = 4i + j][t] = (A g Aᵀ)[i][j] with A = [[1,0],[1,1],[1,−1],[0,−1]];
 * dy outside outH × outW, and tiles t ≥ count, give zeros (they are summed over).
 */
function dyTransform(coB: number, T: number): FunctionWriter {
  const [f, [dy, yOut, tileStart, count, tilesW, tilesPerImage, outH, outW]] = FunctionWriter.ofI32Params(8);
  const [t, idx, base, tmp, cb, yt, rowBytes, imageBytes, hasRow1, hasCol1, oy, ox] = f.locals(I32, 12);
  const g = f.locals(V128, 4); // g00 g01 g10 g11
  const ag = f.locals(V128, 8); // (A g): rows 0..3, columns 0..1
  const zero = (l: Local) => f.v128Zero().set(l);

  outputStrides(f, coB, outH, outW, rowBytes, imageBytes);
  f.countUp(t, 0, T, 1, () => {
    f.get(yOut).get(t).i32(coB).mul().add().set(yt);
    f.get(t)
      .get(count)
      .ltU()
      .ifElse(
        () => {
          f.get(tileStart).get(t).add().set(idx);
          f.get(dy).set(base);
          outputTile(f, coB, {
            idx,
            tilesW,
            tilesPerImage,
            outH,
            outW,
            base,
            rowBytes,
            imageBytes,
            tmp,
            oy,
            ox,
            hasRow1,
            hasCol1,
          });
          f.countUp(cb, 0, coB, 16, () => {
            const [g00, g01, g10, g11] = g;
            f.get(base).get(cb).add().v128Load(0).set(g00);
            f.get(hasCol1).ifElse(
              () => f.get(base).get(cb).add().v128Load(coB).set(g01),
              () => zero(g01),
            );
            f.get(hasRow1).ifElse(
              () => {
                f.get(base).get(cb).add().get(rowBytes).add().v128Load(0).set(g10);
                f.get(hasCol1).ifElse(
                  () => f.get(base).get(cb).add().get(rowBytes).add().v128Load(coB).set(g11),
                  () => zero(g11),
                );
              },
              () => {
                zero(g10);
                zero(g11);
              },
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
              const store = (j: number) => f.v128Store((i * 4 + j) * T * coB);
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
                .v128Store(xi * T * coB);
          });
        },
      );
  });
  return f;
}

/**
 * acc[ξ][c][o] += Σ_t V[ξ][t][c] · Ŷ[ξ][t][o] over one block of T tiles: the filter gradient in the
 * transform domain, on a 4-channel × 8-channel register tile loaded from and stored to `acc`
 * (`[16][Cp][Co]`, L2-resident) once per block.
 */
function gemmAccumulate(cp: number, co: number, T: number): FunctionWriter {
  const [f, [v, yIn, accBase]] = FunctionWriter.ofI32Params(3);
  const [xi, vXi, yXi, aXi, ci0, co0, vp, yp, yEnd, ap] = f.locals(I32, 10);
  const regs = new RegisterTile(f);
  const cpB = cp * 4;
  const coB = co * 4;

  const tile = (vectors: 1 | 2) => {
    // ap = aXi + ci0·coB + co0·4; accumulator row r at ap + r·coB
    f.get(aXi).get(ci0).i32(coB).mul().add().get(co0).i32(4).mul().add().set(ap);
    regs.load(vectors, ap, coB);
    f.get(vXi).get(ci0).i32(4).mul().add().set(vp);
    f.get(yXi)
      .get(co0)
      .i32(4)
      .mul()
      .add()
      .tee(yp)
      .i32(T * coB)
      .add()
      .set(yEnd);
    f.doWhile(yp, yEnd, coB, () => {
      regs.update(vectors, yp, vp, 4);
      f.get(vp).i32(cpB).add().set(vp);
    });
    regs.store(vectors, ap, coB);
  };

  const pointers: PositionPointers = [
    [vXi, v, T * cpB],
    [yXi, yIn, T * coB],
    [aXi, accBase, cp * coB],
  ];
  forEachPositionTile(f, { xi, pointers, row0: ci0, rows: cp, regs, co0, co }, tile);
  return f;
}
