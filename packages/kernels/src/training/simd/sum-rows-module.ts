import { FunctionWriter, I32, V128, type WasmTarget, writeModule } from './wasm-writer.js';

/**
 * `sumRows(src, acc, rows, rowBytes)`: acc[j] += Σ_r src[r][j] for a float32 `[rows, inner]` block
 * (rowBytes = inner·4, inner a multiple of 4) into a float64 `[inner]` accumulator — the reduction
 * over leading/middle axes behind conv bias gradients and global average pooling, in SIMD with
 * float64 sums (as precise as the JS loop it replaces, ~5× faster).
 */
export function writeSumRowsModule(target: WasmTarget): Uint8Array<ArrayBuffer> {
  const [f, [src, acc, rows, rowBytes]] = FunctionWriter.ofI32Params(4);
  const [p, end, ap, rowEnd] = f.locals(I32, 4);
  const [v, lo, hi] = f.locals(V128, 3);
  // Lanes 2, 3 of v moved to 0, 1 (then promoted); the rest don't matter.
  const high = [8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7];
  f.get(src).set(p);
  f.get(src).get(rows).get(rowBytes).mul().add().set(end);
  f.loop(() => {
    f.get(acc).set(ap);
    f.get(p).get(rowBytes).add().set(rowEnd);
    f.doWhile(p, rowEnd, 16, () => {
      f.get(p).v128Load(0).set(v);
      f.get(v).f64x2PromoteLow().set(lo);
      f.get(v).get(v).shuffle(high).f64x2PromoteLow().set(hi);
      f.get(ap).get(ap).v128Load(0).get(lo).f64x2Add().v128Store(0);
      f.get(ap).get(ap).v128Load(16).get(hi).f64x2Add().v128Store(16);
      f.get(ap).i32(32).add().set(ap);
    });
    f.get(p).get(end).ltU().continueIf();
  });
  return writeModule([{ name: 'sumRows', fn: f }], target);
}
