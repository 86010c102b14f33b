import type { ConvGeometry } from '../conv-geometry.js';

/** xp[n, y, x, c] = x[n, y − padTop, x − padLeft, c], zero outside x and for c ≥ inC. */
export function padInput(
  xs: Float32Array,
  xp: Float32Array,
  g: Pick<ConvGeometry, 'batch' | 'inH' | 'inW' | 'inC' | 'padTop' | 'padLeft'>,
  cp: number,
  hp: number,
  wp: number,
): void {
  const { inH, inW, inC, padTop, padLeft } = g;
  // Source columns that land inside xp, and where they land.
  const x0 = Math.max(0, -padLeft);
  const x1 = Math.min(inW, wp - padLeft);
  const rowLen = wp * cp;
  const left = (x0 + padLeft) * cp;
  const right = (x1 + padLeft) * cp;
  // Only the padding is zeroed: the interior is overwritten anyway (xp is the biggest buffer here).
  for (let n = 0; n < g.batch; n++) {
    for (let r = 0; r < hp; r++) {
      const yy = r - padTop;
      const row = (n * hp + r) * rowLen;
      if (yy < 0 || yy >= inH || x1 <= x0) {
        xp.fill(0, row, row + rowLen);
        continue;
      }
      const src = ((n * inH + yy) * inW + x0) * inC;
      if (cp === inC) {
        xp.fill(0, row, row + left);
        xp.set(xs.subarray(src, src + (x1 - x0) * inC), row + left);
        xp.fill(0, row + right, row + rowLen);
      } else {
        xp.fill(0, row, row + rowLen);
        for (let i = 0; i < x1 - x0; i++) {
          for (let c = 0; c < inC; c++) xp[row + left + i * cp + c] = xs[src + i * inC + c] as number;
        }
      }
    }
  }
}
