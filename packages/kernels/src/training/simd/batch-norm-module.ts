import { FunctionWriter, I32, type Local, V128, type WasmTarget, writeModule } from './wasm-writer.js';

// Lanes 2, 3 of an f32x4 moved to 0, 1 (then promoted to f64); the rest don't matter.
const HIGH = [8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7];

/**
 * The row walk every function here shares: for each of `rows` rows of `rowBytes` starting at
 * `src`, `body(p, j)` once per 16-byte chunk, p = the chunk's address, j = its byte offset in the
 * row (so per-channel data at base + j, base + 2j for f64).
 */
function eachChunk(
  f: FunctionWriter,
  src: Local,
  rows: Local,
  rowBytes: Local,
  body: (p: Local, j: Local) => void,
): void {
  const [p, end, j] = f.locals(I32, 3);
  f.get(src).set(p);
  f.get(src).get(rows).get(rowBytes).mul().add().set(end);
  f.loop(() => {
    f.i32(0).set(j);
    f.doWhile(j, rowBytes, 16, () => {
      body(p, j);
      f.get(p).i32(16).add().set(p);
    });
    f.get(p).get(end).ltU().continueIf();
  });
}

/** f64 accumulators at `base + 2j` (+16 for the high pair) += the two f64 halves of `v`. */
function accumulate(f: FunctionWriter, base: Local, j: Local, lo: Local, hi: Local): void {
  const [a] = f.locals(I32, 1);
  f.get(base).get(j).get(j).add().add().set(a);
  f.get(a).get(a).v128Load(0).get(lo).f64x2Add().v128Store(0);
  f.get(a).get(a).v128Load(16).get(hi).f64x2Add().v128Store(16);
}

/** Promotes the f32x4 `v` to two f64x2 halves. */
function promote(f: FunctionWriter, v: Local, lo: Local, hi: Local): void {
  f.get(v).f64x2PromoteLow().set(lo);
  f.get(v).get(v).shuffle(HIGH).f64x2PromoteLow().set(hi);
}

/**
 * Training-mode batch norm's four streaming passes over a float32 `[rows, C]` block (rowBytes = 4C,
 * C a multiple of 4), SIMD, sums in float64:
 * - `sumSq(x, sum, sq, rows, rowBytes)`: sum[c] += Σ x, sq[c] += Σ x² (f64 [C] each);
 * - `sumProd(a, b, sum, prod, rows, rowBytes)`: sum[c] += Σ a, prod[c] += Σ a·b;
 * - `affine(x, y, k1, k0, rows, rowBytes)`: y = x·k1[c] + k0[c] (f32 [C] coefficients);
 * - `affine2(a, b, y, k1, k2, k0, rows, rowBytes)`: y = a·k1[c] + b·k2[c] + k0[c];
 * - `normalize(x, y, mu, gamma, nf, beta, rows, rowBytes)`: y = (x − mu[c])·gamma[c] / nf[c] +
 *   beta[c], inference batch norm with stock tfjs-backend-wasm's rounding: the difference and
 *   product in float32, the quotient and sum in float64 rounded once (mu, gamma f32 [C]; nf,
 *   beta f64 [C]).
 */
export function writeBatchNormModule(target: WasmTarget): Uint8Array<ArrayBuffer> {
  const sumSq = (() => {
    const [f, [x, sum, sq, rows, rowBytes]] = FunctionWriter.ofI32Params(5);
    const [v, lo, hi] = f.locals(V128, 3);
    eachChunk(f, x, rows, rowBytes, (p, j) => {
      f.get(p).v128Load(0).set(v);
      promote(f, v, lo, hi);
      accumulate(f, sum, j, lo, hi);
      f.get(lo).get(lo).f64x2Mul().set(lo);
      f.get(hi).get(hi).f64x2Mul().set(hi);
      accumulate(f, sq, j, lo, hi);
    });
    return f;
  })();
  const sumProd = (() => {
    const [f, [a, b, sum, prod, rows, rowBytes]] = FunctionWriter.ofI32Params(6);
    const [v, lo, hi, blo, bhi] = f.locals(V128, 5);
    const [delta] = f.locals(I32, 1);
    f.get(b).get(a).sub().set(delta);
    eachChunk(f, a, rows, rowBytes, (p, j) => {
      f.get(p).v128Load(0).set(v);
      promote(f, v, lo, hi);
      accumulate(f, sum, j, lo, hi);
      f.get(p).get(delta).add().v128Load(0).set(v);
      promote(f, v, blo, bhi);
      f.get(lo).get(blo).f64x2Mul().set(lo);
      f.get(hi).get(bhi).f64x2Mul().set(hi);
      accumulate(f, prod, j, lo, hi);
    });
    return f;
  })();
  const affine = (() => {
    const [f, [x, y, k1, k0, rows, rowBytes]] = FunctionWriter.ofI32Params(6);
    const [delta] = f.locals(I32, 1);
    f.get(y).get(x).sub().set(delta);
    eachChunk(f, x, rows, rowBytes, (p, j) => {
      f.get(p).get(delta).add();
      f.get(p).v128Load(0).get(k1).get(j).add().v128Load(0).f32x4Mul();
      f.get(k0).get(j).add().v128Load(0).f32x4Add();
      f.v128Store(0);
    });
    return f;
  })();
  const affine2 = (() => {
    const [f, [a, b, y, k1, k2, k0, rows, rowBytes]] = FunctionWriter.ofI32Params(8);
    const [db, dy] = f.locals(I32, 2);
    f.get(b).get(a).sub().set(db);
    f.get(y).get(a).sub().set(dy);
    eachChunk(f, a, rows, rowBytes, (p, j) => {
      f.get(p).get(dy).add();
      f.get(p).v128Load(0).get(k1).get(j).add().v128Load(0).f32x4Mul();
      f.get(p).get(db).add().v128Load(0).get(k2).get(j).add().v128Load(0).f32x4Mul().f32x4Add();
      f.get(k0).get(j).add().v128Load(0).f32x4Add();
      f.v128Store(0);
    });
    return f;
  })();
  const normalize = (() => {
    const [f, [x, y, mu, gamma, nf, beta, rows, rowBytes]] = FunctionWriter.ofI32Params(8);
    const [delta, j2] = f.locals(I32, 2);
    const [v, lo, hi] = f.locals(V128, 3);
    f.get(y).get(x).sub().set(delta);
    eachChunk(f, x, rows, rowBytes, (p, j) => {
      // (x − μ)·γ in float32, then / nf + β in float64 rounded once to float32.
      f.get(p).v128Load(0).get(mu).get(j).add().v128Load(0).f32x4Sub();
      f.get(gamma).get(j).add().v128Load(0).f32x4Mul().set(v);
      promote(f, v, lo, hi);
      f.get(j).get(j).add().set(j2);
      for (const [half, off] of [
        [lo, 0],
        [hi, 16],
      ] as const) {
        f.get(p).get(delta).add();
        f.get(half).get(nf).get(j2).add().v128Load(off).f64x2Div();
        f.get(beta).get(j2).add().v128Load(off).f64x2Add();
        f.f32x4DemoteF64x2Zero().v128Store64Low(off / 2);
      }
    });
    return f;
  })();
  return writeModule(
    [
      { name: 'sumSq', fn: sumSq },
      { name: 'sumProd', fn: sumProd },
      { name: 'affine', fn: affine },
      { name: 'affine2', fn: affine2 },
      { name: 'normalize', fn: normalize },
    ],
    target,
  );
}
