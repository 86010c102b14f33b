// A layer whose (gradient) kernel the active backend lacks: a one-line CamkitError naming the
// layer, the kernel, the backend and the backends that have it, never tfjs's raw
// "Kernel '…' not registered". Stock tfjs-backend-wasm 4.22 really lacks the depthwise
// convolution's input gradient (@camkit/kernels adds it; core's tests never register it).
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../test/backends.js';
import { CamkitError } from '../errors.js';
import { explain } from './explain.js';
import { kernelError } from './kernel-error.js';
import type { Method } from './types.js';

function depthwiseNet(): tfl.Sequential {
  return tfl.sequential({
    layers: [
      tfl.layers.conv2d({
        name: 'c1',
        inputShape: [6, 6, 3],
        filters: 4,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
      }),
      tfl.layers.depthwiseConv2d({ name: 'dw1', kernelSize: 3, padding: 'same', activation: 'relu' }),
      tfl.layers.depthwiseConv2d({ name: 'dw2', kernelSize: 3, padding: 'same', activation: 'relu' }),
      tfl.layers.globalAveragePooling2d({ name: 'gap' }),
      tfl.layers.dense({ name: 'out', units: 2, activation: 'softmax' }),
    ],
  });
}

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(CamkitError);
    return (e as Error).message;
  }
  throw new Error('expected a CamkitError, but the call succeeded');
}

describe('a kernel missing on the active backend (wasm)', () => {
  let model: tfl.Sequential;
  let images: tf.Tensor4D;
  beforeAll(async () => {
    await useBackend('wasm');
    model = depthwiseNet();
    images = tf.randomUniform([2, 6, 6, 3], 0, 1, 'float32', 4) as tf.Tensor4D;
  });
  afterAll(() => {
    images.dispose();
    model.dispose();
  });

  it('stock wasm has no DepthwiseConv2dNativeBackpropInput, cpu has (the premise of this test)', () => {
    expect(tf.getKernel('DepthwiseConv2dNativeBackpropInput', 'wasm')).toBeUndefined();
    expect(tf.getKernel('DepthwiseConv2dNativeBackpropInput', 'cpu')).toBeDefined();
  });

  it.each([
    ['gradcam', 'c1'],
    ['guided-backprop', undefined],
    ['smoothgrad', undefined],
  ] as [Method, string | undefined][])(
    '%s through the depthwise layers: one line naming layer, kernel and backends',
    async (method, layer) => {
      const started = tf.memory().numTensors;
      const message = await failure(explain(model, images, { method, layer, samples: 2 }));
      expect(message).not.toContain('\n');
      expect(message).not.toMatch(/not registered/);
      // Backpropagation reaches the last depthwise layer first.
      expect(message).toBe(
        "layer 'dw2' (DepthwiseConv2D): kernel 'DepthwiseConv2dNativeBackpropInput' is not available on backend 'wasm'; use --backend cpu (backends that have it: cpu)",
      );
      expect(tf.memory().numTensors).toBe(started);
    },
  );

  it('methods that need no gradient through the depthwise layers still run there', async () => {
    for (const method of ['gradcam', 'scorecam', 'ablationcam', 'eigencam'] as Method[]) {
      const r = await explain(model, images, { method, layer: 'dw2' });
      expect(
        r.heatmaps.every((h) => h.map.every(Number.isFinite)),
        method,
      ).toBe(true);
    }
  });

  it('other errors pass through unchanged; an unknown kernel names no layer', () => {
    const other = new Error('something else');
    expect(kernelError(other, [])).toBe(other);
    const unknown = kernelError(new Error("Kernel 'NoSuchOp' not registered for backend 'wasm'"), [
      { name: 'dw1', className: 'DepthwiseConv2D' },
    ]) as Error;
    expect(unknown).toBeInstanceOf(CamkitError);
    expect(unknown.message).toBe(
      "kernel 'NoSuchOp' is not available on backend 'wasm'; no registered backend has it",
    );
    // A forward kernel is blamed on the first layer of its kind (the forward pass reaches it first).
    const forward = kernelError(new Error("Kernel 'DepthwiseConv2dNative' not registered for backend 'x'"), [
      { name: 'dw1', className: 'DepthwiseConv2D' },
      { name: 'dw2', className: 'DepthwiseConv2D' },
    ]) as Error;
    expect(forward.message).toMatch(
      /^layer 'dw1' \(DepthwiseConv2D\): kernel 'DepthwiseConv2dNative' is not available on backend 'x'; use --backend \w+/,
    );
  });
});
