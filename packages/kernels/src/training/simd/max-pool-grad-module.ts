import { FunctionWriter, I32, V128, type WasmTarget, writeModule } from './wasm-writer.js';

/**
 * `maxPoolGradWindow(first, rows, cols, rowBytes, dy, dxDelta, cBytes)`: one max-pool window's
 * gradient, four channels per SIMD step. The window's cells are `rows` × `cols` pixels starting at
 * byte address `first` (channel 0) of an NHWC input whose rows are `rowBytes` apart; each of its
 * `cBytes / 4` channels (a multiple of 4) adds its dy (at byte address `dy`) to dx at the FIRST
 * maximum of the window in row-major order — `f32x4.gt` against the running best, which starts at
 * the first cell, so a tie never moves it — where dx lies `dxDelta` bytes after x (i32 wrap-around
 * arithmetic, so any order of the two buffers works). The same rule and the same order of additions
 * as {@link maxPoolGradImpl}: bit-identical results.
 */
export function writeMaxPoolGradModule(target: WasmTarget): Uint8Array<ArrayBuffer> {
  const [f, [first, rows, cols, rowBytes, dy, dxDelta, cBytes]] = FunctionWriter.ofI32Params(7);
  const [ch, rowP, r, p, pEnd, at, colBytes] = f.locals(I32, 7);
  const [best, where, v, gt] = f.locals(V128, 4);
  f.get(cols).get(cBytes).mul().set(colBytes);
  f.i32(0).set(ch);
  f.loop(() => {
    f.get(first).get(ch).add().tee(rowP).v128Load(0).set(best);
    f.get(rowP).i32x4Splat().set(where);
    f.i32(0).set(r);
    f.loop(() => {
      f.get(rowP).set(p);
      f.get(rowP).get(colBytes).add().set(pEnd);
      f.doWhile(p, pEnd, cBytes, () => {
        f.get(p).v128Load(0).tee(v).get(best).f32x4Gt().set(gt);
        f.get(v).get(best).get(gt).v128Bitselect().set(best);
        f.get(p).i32x4Splat().get(where).get(gt).v128Bitselect().set(where);
      });
      f.get(rowP).get(rowBytes).add().set(rowP);
      f.get(r).i32(1).add().tee(r).get(rows).ltU().continueIf();
    });
    // where's lane l holds the address of channel group's cell; the lane's element is 4·l further.
    for (let lane = 0; lane < 4; lane++) {
      f.get(where).i32x4ExtractLane(lane).get(dxDelta).add().set(at);
      f.get(at);
      f.get(at).f32Load(4 * lane);
      f.get(dy)
        .get(ch)
        .add()
        .f32Load(4 * lane);
      f.f32Add().f32Store(4 * lane);
    }
    f.get(ch).i32(16).add().tee(ch).get(cBytes).ltU().continueIf();
  });
  return writeModule([{ name: 'maxPoolGradWindow', fn: f }], target);
}
