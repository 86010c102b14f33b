import { forOutputChannels, RegisterTile } from './register-tile.js';
import { FunctionWriter, I32, type WasmTarget, writeModule } from './wasm-writer.js';

/**
 * The filter-gradient kernel as wasm SIMD, generated at first use:
 *
 *   dW[ky, kx, c, o] += Σ_{n, y, x} xp[n, y·sH + ky·dH, x·sW + kx·dW, c] · dy[n, y, x, o]
 *
 * over a zero-padded copy `xp` of the input (`[N, Hp, Wp, Cp]`, Cp a multiple of 4, padding already
 * applied so every tap reads inside it) and dy `[N, outH, outW, Co]` (Co a multiple of 4), into a
 * zeroed `[kH, kW, Cp, Co]` accumulator.
 *
 * Why not XNNPACK: as a convolution, this is a GEMM whose reduction runs over all N·outH·outW
 * positions (131 k at batch 32, 64×64) and XNNPACK streams the whole reduction for every 4-row tile
 * of the output, from memory, because its operands do not fit in cache — it costs ~2× a forward
 * conv. Here the reduction is cut into blocks of output rows whose inputs (`rowBlock` rows of dy
 * and the xp rows they read) stay in L2, and every (tap, 4 input channels, 8 output channels) tile
 * of dW accumulates over one block in 8 SIMD registers: per position, two v128 loads of dy, four
 * splatted loads of x and 16 f32x4 multiply/adds for 32 multiply-adds, as XNNPACK's own 4×8
 * micro-kernels do.
 *
 * Parameters (all i32; addresses and strides in bytes):
 *   xp, dy, dw, batch, outH, outW, cp, co, kH, kW,
 *   xpImg (Hp·Wp·Cp·4), xStep (sW·Cp·4), yStep (sH·Wp·Cp·4), tapH (dH·Wp·Cp·4), tapW (dW·Cp·4),
 *   rowBlock
 */
export function writeFilterGradModule(target: WasmTarget): Uint8Array<ArrayBuffer> {
  const [f, [xp, dy, dw, batch, outH, outW, cp, co, kH, kW, xpImg, xStep, yStep, tapH, tapWStep, rowBlock]] =
    FunctionWriter.ofI32Params(16, target);
  const [dyPix, dyRow, dyImg, dwCi, dwTap] = f.locals(I32, 5);
  const [n, imgX, imgDy, y0, yEnd, ky, kx, tapX, tapW, ci0, co0] = f.locals(I32, 11);
  const [y, xPtr, dyPtr, dyEnd, acc] = f.locals(I32, 5);
  const regs = new RegisterTile(f);

  // Derived strides.
  f.get(co).i32(4).mul().set(dyPix);
  f.get(outW).get(dyPix).mul().set(dyRow);
  f.get(outH).get(dyRow).mul().set(dyImg);
  f.get(co).i32(4).mul().set(dwCi);
  f.get(cp).get(dwCi).mul().set(dwTap);

  // One (tap, 4 input channels, `vectors` × 4 output channels) tile over the row block [y0, yEnd).
  const tile = (vectors: 1 | 2) => {
    // acc = tapW + ci0·dwCi + co0·4; accumulator row r lives at acc + r·dwCi.
    f.get(tapW).get(ci0).get(dwCi).mul().add().get(co0).i32(4).mul().add().set(acc);
    regs.load(vectors, acc, dwCi);
    f.forRowSpans(
      { y, from: y0, to: yEnd, p: dyPtr, pEnd: dyEnd, span: dyRow, step: dyPix },
      () => {
        // xPtr = tapX + y·yStep + ci0·4;  dyPtr = imgDy + y·dyRow + co0·4
        f.get(tapX).get(y).get(yStep).mul().add().get(ci0).i32(4).mul().add().set(xPtr);
        f.get(imgDy).get(y).get(dyRow).mul().add().get(co0).i32(4).mul().add();
      },
      () => {
        regs.update(vectors, dyPtr, xPtr, 4);
        f.get(xPtr).get(xStep).add().set(xPtr);
      },
    );
    regs.store(vectors, acc, dwCi);
  };

  f.countUp(n, 0, batch, 1, () => {
    f.get(xp).get(n).get(xpImg).mul().add().set(imgX);
    f.get(dy).get(n).get(dyImg).mul().add().set(imgDy);
    f.forBlocks(y0, yEnd, outH, rowBlock, () => {
      f.countUp(ky, 0, kH, 1, () => {
        f.countUp(kx, 0, kW, 1, () => {
          f.get(imgX).get(ky).get(tapH).mul().add().get(kx).get(tapWStep).mul().add().set(tapX);
          f.get(dw).get(ky).get(kW).mul().get(kx).add().get(dwTap).mul().add().set(tapW);
          f.countUp(ci0, 0, cp, 4, () => {
            forOutputChannels(f, co0, co, tile);
          });
        });
      });
    });
  });
  return writeModule([{ name: 'filterGrad', fn: f }], target);
}
