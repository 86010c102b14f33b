// Families whose wasm run hits a kernel that is missing or wrong on wasm today (the "kernels"
// work of issue 10 fixes them). Each entry carries a probe; families.test.ts runs the family's
// wasm tests once the probe says fixed, and a named EXCLUDED test until then.
import * as tf from '@tensorflow/tfjs-core';

export interface WasmExclusion {
  reason: string;
  /** True while the defect persists (run with 'wasm' and 'cpu' registered). */
  stillBroken(): Promise<boolean>;
}

/** ∂/∂x of a max pool on `backend` (the sum of its outputs weighted by a fixed dy). */
async function poolGrad(
  backend: string,
  size: number,
  window: number,
  pad: 'valid' | 'same',
): Promise<Float32Array> {
  await tf.setBackend(backend);
  return tf.tidy(() => {
    const x = tf.tensor4d(
      Float32Array.from({ length: size * size * 4 }, (_, i) => Math.sin(i * 1.7)),
      [1, size, size, 4],
    );
    const f = (a: tf.Tensor) => {
      const y = tf.maxPool(a as tf.Tensor4D, window, 2, pad);
      return tf.sum(y);
    };
    return tf.grad(f)(x).dataSync() as Float32Array;
  });
}

async function poolGradDiffers(size: number, window: number, pad: 'valid' | 'same'): Promise<boolean> {
  const [c, w] = [await poolGrad('cpu', size, window, pad), await poolGrad('wasm', size, window, pad)];
  return c.some((v, i) => Math.abs(v - w[i]) > 1e-6);
}

export const WASM_EXCLUDED: Record<string, WasmExclusion> = {
  resnet50_v2: {
    reason: 'stock wasm MaxPoolGrad is wrong for a 1×1/2 pool (the v2 strided shortcut)',
    stillBroken: () => poolGradDiffers(4, 1, 'valid'),
  },
  xception: {
    reason:
      "stock wasm MaxPoolGrad sends dy to other elements than cpu's first maximum for a 3×3/2 'same' pool on 13×13",
    stillBroken: () => poolGradDiffers(13, 3, 'same'),
  },
};
