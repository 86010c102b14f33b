import '@tensorflow/tfjs-backend-cpu';
import * as tfc from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { vgg16 } from './vgg16.js';

// Independent parameter counts: a 3×3 conv has 9·cin·cout + cout, a dense in·out + out.
const conv = (cin: number, cout: number) => 9 * cin * cout + cout;
const dense = (inp: number, out: number) => inp * out + out;

beforeAll(async () => {
  await tfc.setBackend('cpu');
});

describe('vgg16', () => {
  it('matches the Keras layout at 224×224 with 138,357,544 parameters', () => {
    const model = vgg16();
    const names = model.layers.map((l) => l.name);
    // biome-ignore format: one block per line
    expect(names).toEqual([
      'block1_conv1', 'block1_conv2', 'block1_pool',
      'block2_conv1', 'block2_conv2', 'block2_pool',
      'block3_conv1', 'block3_conv2', 'block3_conv3', 'block3_pool',
      'block4_conv1', 'block4_conv2', 'block4_conv3', 'block4_pool',
      'block5_conv1', 'block5_conv2', 'block5_conv3', 'block5_pool',
      'flatten', 'fc1', 'fc2', 'predictions',
    ]);
    expect(model.getLayer('block5_conv3').outputShape).toEqual([null, 14, 14, 512]);
    expect(model.getLayer('block5_pool').outputShape).toEqual([null, 7, 7, 512]);
    expect(model.getLayer('flatten').outputShape).toEqual([null, 25088]);
    // biome-ignore format: one block per line
    const convs =
      conv(3, 64) + conv(64, 64) +
      conv(64, 128) + conv(128, 128) +
      conv(128, 256) + 2 * conv(256, 256) +
      conv(256, 512) + 2 * conv(512, 512) +
      3 * conv(512, 512);
    const total = convs + dense(7 * 7 * 512, 4096) + dense(4096, 4096) + dense(4096, 1000);
    expect(total).toBe(138_357_544);
    expect(model.countParams()).toBe(total);
    model.dispose();
  });
});
