// Input drawing and comparisons shared by the vitest suites and the device script (no vitest here).
import type { CamCase } from './cam-cases.js';
import { randn } from './random.js';

export function drawInputs(cs: CamCase): { features: Float32Array; weights: Float32Array; wShape: number[] } {
  const fSize = cs.n * cs.h * cs.w * cs.k;
  const wShape = cs.batched ? [cs.n, cs.k, cs.c] : [cs.k, cs.c];
  const wSize = wShape.reduce((a, b) => a * b, 1);
  let features = randn(fSize);
  let weights = randn(wSize);
  if (cs.values === 'negative') {
    features = features.map(Math.abs);
    weights = weights.map((v) => -Math.abs(v) - 0.01);
  } else if (cs.values === 'tiny') {
    features = features.map((v) => v * 1e-3);
    weights = weights.map((v) => v * 1e-3);
  } else if (cs.values === 'constant') {
    const perChannel = randn(cs.n * cs.k);
    features = features.map(
      (_, i) => perChannel[Math.floor(i / (cs.h * cs.w * cs.k)) * cs.k + (i % cs.k)] as number,
    );
  }
  return { features, weights, wShape };
}

/** Max |a - b| / (1 + |b|). */
export function maxRelErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let err = 0;
  for (let i = 0; i < b.length; i++) {
    err = Math.max(err, Math.abs((a[i] as number) - (b[i] as number)) / (1 + Math.abs(b[i] as number)));
  }
  return err;
}

export function countNaN(a: ArrayLike<number>): number {
  let bad = 0;
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i] as number)) bad++;
  return bad;
}

/** A case's CamFuse attributes, as the op and the impl take them. */
export function camAttrs(cs: CamCase): {
  outSize: [number, number];
  relu: boolean;
  normalize: boolean;
  halfPixel: boolean;
} {
  return { outSize: [cs.outH, cs.outW], relu: cs.relu, normalize: cs.normalize, halfPixel: cs.halfPixel };
}
