import { FunctionWriter, I32, type Local, V128, type WasmTarget, writeModule } from './wasm-writer.js';

/**
 * The two gradients of a depthwise convolution (channel multiplier 1; `depthwise-grad-simd.ts`
 * packs other multipliers and channel counts into this form) as wasm SIMD, generated at first use:
 *
 *   filterGrad:  dW[ky, kx, c] += Σ_{n, y, x} x[n, iy, ix, c] · dy[n, y, x, c]
 *   inputGrad:   dx[n, iy, ix, c] += Σ_{ky, kx} dy[n, y, x, c] · W[ky, kx, c]
 *
 * with iy = y·sH + ky·dH − padTop, ix = x·sW + kx·dW − padLeft. Both read x / dx and dy in place
 * (no zero-padded copy): a small int32 table gives, per filter row ky, the dy rows [ylo, yhi) whose
 * tap lands inside the input and the byte offset (ky·dH − padTop)·rowBytes, and per filter column
 * kx the dy columns [xlo, xhi) and the offset xlo·xStep + (kx·dW − padLeft)·pixelBytes — so the
 * inner loops have no bounds tests.
 *
 * Depthwise work is memory-bound (kH·kW multiply-adds per element moved), so the loops are ordered
 * for locality, not arithmetic: dy is cut into blocks of `rowBlock` rows whose dy and x rows stay in
 * L2, and for each (block, tap, 16/8/4-channel tile) the inner loop walks a row of pixels with the
 * tile in registers (filterGrad: 4/2/1 independent f32x4 accumulators; inputGrad: the tap's weights,
 * dx updated in place — a pixel's dx is touched by kH·kW taps, all while its rows are in cache).
 *
 * Parameters (i32; addresses and strides in bytes; every tensor has the same channel count, whose
 * byte size `cB` is a multiple of 16):
 *   x (dx for inputGrad), dy, w (dW for filterGrad), table, batch, outH, cB, kH, kW,
 *   xImg (inH·inW·cB), yStep (sH·inW·cB), xStep (sW·cB), dyImg (outH·outW·cB), dyRow (outW·cB),
 *   rowBlock
 * table: kH entries [ylo, yhi, rowOffset] then kW entries [xlo, xhi, xOffset] (int32 each).
 */
export function writeDepthwiseGradModule(target: WasmTarget): Uint8Array<ArrayBuffer> {
  return writeModule(
    [
      { name: 'filterGrad', fn: depthwiseFunction('filterGrad', target) },
      { name: 'inputGrad', fn: depthwiseFunction('inputGrad', target) },
    ],
    target,
  );
}

/** The byte size of one table entry (three int32). */
export const DEPTHWISE_TABLE_ENTRY = 12;

function depthwiseFunction(kind: 'filterGrad' | 'inputGrad', target: WasmTarget): FunctionWriter {
  const [f, [x, dy, w, tab, batch, outH, cB, kH, kW, xImg, yStep, xStep, dyImg, dyRow, rowBlock]] =
    FunctionWriter.ofI32Params(16, target);
  const [n, imgX, imgDy, y0, yEnd, ky, kx, entry, ylo, yhi, rowOff, xOff, dyOff, span, tap] = f.locals(
    I32,
    15,
  );
  const [c0, y, xPtr, dyPtr, dyEnd] = f.locals(I32, 5);
  // Up to 4 vectors per tile: accumulators (filterGrad) or the tap's weights (inputGrad).
  const regs = f.locals(V128, 4);

  // One (tap, `vectors`×4-channel tile) over dy rows [ylo, yhi) and columns [xlo, xhi).
  const tile = (vectors: number) => {
    for (let v = 0; v < vectors; v++)
      f.get(tap)
        .get(c0)
        .add()
        .v128Load(16 * v)
        .set(regs[v] as Local);
    f.forRowSpans(
      { y, from: ylo, to: yhi, p: dyPtr, pEnd: dyEnd, span, step: cB },
      () => {
        // xPtr = imgX + y·yStep + rowOff + xOff + c0;  dyPtr = imgDy + y·dyRow + dyOff + c0
        f.get(imgX).get(y).get(yStep).mul().add().get(rowOff).add().get(xOff).add().get(c0).add().set(xPtr);
        f.get(imgDy).get(y).get(dyRow).mul().add().get(dyOff).add().get(c0).add();
      },
      () => {
        for (let v = 0; v < vectors; v++) {
          const reg = regs[v] as Local;
          if (kind === 'filterGrad') {
            // acc += x · dy
            f.f32x4MulAdd(
              () => f.get(xPtr).v128Load(16 * v),
              () => f.get(dyPtr).v128Load(16 * v),
              () => f.get(reg),
            ).set(reg);
          } else {
            // dx += dy · w
            f.get(xPtr)
              .f32x4MulAdd(
                () => f.get(dyPtr).v128Load(16 * v),
                () => f.get(reg),
                () => f.get(xPtr).v128Load(16 * v),
              )
              .v128Store(16 * v);
          }
        }
        f.get(xPtr).get(xStep).add().set(xPtr);
      },
    );
    if (kind === 'filterGrad') {
      for (let v = 0; v < vectors; v++)
        f.get(tap)
          .get(c0)
          .add()
          .get(regs[v] as Local)
          .v128Store(16 * v);
    }
  };

  f.forRange(n, 0, batch, 1, () => {
    f.get(x).get(n).get(xImg).mul().add().set(imgX);
    f.get(dy).get(n).get(dyImg).mul().add().set(imgDy);
    f.forBlocks(y0, yEnd, outH, rowBlock, () => {
      f.forRange(ky, 0, kH, 1, () => {
        f.get(tab).get(ky).i32(DEPTHWISE_TABLE_ENTRY).mul().add().set(entry);
        f.get(entry).i32Load(0).set(ylo);
        f.maxU(ylo, y0).set(ylo);
        f.get(entry).i32Load(4).set(yhi);
        f.minU(yhi, yEnd).set(yhi);
        f.get(entry).i32Load(8).set(rowOff);
        f.get(ylo)
          .get(yhi)
          .ltU()
          .ifElse(() => {
            f.forRange(kx, 0, kW, 1, () => {
              f.get(tab).get(kH).get(kx).add().i32(DEPTHWISE_TABLE_ENTRY).mul().add().set(entry);
              // dyOff = xlo·cB, span = (xhi − xlo)·cB; empty column ranges are skipped.
              f.get(entry).i32Load(0).get(cB).mul().set(dyOff);
              f.get(entry).i32Load(4).get(cB).mul().get(dyOff).sub().set(span);
              f.get(entry).i32Load(8).set(xOff);
              f.get(dyOff)
                .get(span)
                .get(dyOff)
                .add()
                .ltU()
                .ifElse(() => {
                  f.get(w).get(ky).get(kW).mul().get(kx).add().get(cB).mul().add().set(tap);
                  // 16-channel tiles while they last, then 8, then 4 (c0 in bytes).
                  f.forTiles(c0, cB, [64, 32, 16], (width) => tile(width / 16));
                });
            });
          });
      });
    });
  });
  return f;
}
