import '@tensorflow/tfjs-backend-cpu';
import { camNet } from '@camkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultInit, seededInit } from './seeded-init.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('seededInit', () => {
  it('uses the Glorot limit for every kernel by default', () => {
    const m = camNet({ inputSize: 8, filters: [4, 6], numClasses: 3 });
    seededInit(m, 1);
    const max = Math.max(...Array.from(m.getWeights()[2].dataSync(), Math.abs));
    expect(max).toBeLessThanOrEqual(Math.sqrt(6 / (36 + 6)));
    expect(max).toBeGreaterThan(Math.sqrt(6 / (36 + 6)) / 2);
    m.dispose();
  });

  it('gives identical weights for one seed, different for another, within the He/Glorot limits', () => {
    const build = (seed: number) => {
      const m = camNet({ inputSize: 8, filters: [4, 6], numClasses: 3 });
      seededInit(m, seed, 'he');
      const w = m.getWeights().map((t) => Array.from(t.dataSync()));
      m.dispose();
      return w;
    };
    const before = tf.memory().numTensors;
    const a = build(7);
    expect(build(7)).toEqual(a);
    expect(build(8)).not.toEqual(a);
    expect(tf.memory().numTensors).toBe(before);
    // Order: conv1 kernel [3,3,3,4], bias, conv2 kernel [3,3,4,6], bias, logits kernel [6,3], bias.
    const limits = [Math.sqrt(6 / 27), 0, Math.sqrt(6 / 36), 0, Math.sqrt(6 / (6 + 3)), 0];
    a.forEach((w, i) => {
      const max = Math.max(...w.map(Math.abs));
      if (limits[i] === 0) expect(max).toBe(0);
      else {
        expect(max).toBeLessThanOrEqual(limits[i]);
        // A uniform draw of ≥ 18 values reaches past half the limit.
        expect(max).toBeGreaterThan(limits[i] / 2);
      }
    });
  });

  it("'fan-in' draws every kernel in ±1/√fan_in (PyTorch's Conv2d / Linear default), biases zero", () => {
    const m = camNet({ inputSize: 8, filters: [4, 6], numClasses: 3 });
    seededInit(m, 3, 'fan-in');
    // conv1 [3,3,3,4]: fan_in 27; conv2 [3,3,4,6]: 36; logits [6,3]: 6 (Glorot would be √(6/9) there).
    const limits = [1 / Math.sqrt(27), 0, 1 / Math.sqrt(36), 0, 1 / Math.sqrt(6), 0];
    m.getWeights().forEach((t, i) => {
      const max = Math.max(...Array.from(t.dataSync(), Math.abs));
      if (limits[i] === 0) expect(max).toBe(0);
      else {
        expect(max).toBeLessThanOrEqual(limits[i] as number);
        expect(max).toBeGreaterThan((limits[i] as number) / 2);
      }
    });
    // Below the 'glorot' limit of the same kernel, so the two schemes really differ.
    expect(1 / Math.sqrt(36)).toBeLessThan(Math.sqrt(6 / (36 + 6)) / 2);
    m.dispose();
  });

  it('auto: he for vgg-like, fan-in for a BatchNorm camNet, glorot otherwise', () => {
    expect(defaultInit('vgg-like', false)).toBe('he');
    expect(defaultInit('camnet', true)).toBe('fan-in');
    expect(defaultInit('camnet', false)).toBe('glorot');
  });
});
