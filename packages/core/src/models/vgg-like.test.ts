import '@tensorflow/tfjs-backend-cpu';
import * as tfc from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { vggLike } from './vgg-like.js';

// Independent parameter counts: a 3×3 conv has 9·cin·cout + cout, a dense in·out + out.
const conv = (cin: number, cout: number) => 9 * cin * cout + cout;
const dense = (inp: number, out: number) => inp * out + out;

beforeAll(async () => {
  await tfc.setBackend('cpu');
});

describe('vggLike', () => {
  it('halves the resolution per block and ends in gap → predictions', () => {
    const model = vggLike({ inputSize: 32, numClasses: 3 });
    expect(model.getLayer('block3_conv2').outputShape).toEqual([null, 8, 8, 64]);
    expect(model.getLayer('block3_pool').outputShape).toEqual([null, 4, 4, 64]);
    expect(model.layers.at(-2)!.name).toBe('gap');
    const expected =
      conv(3, 16) + conv(16, 16) + conv(16, 32) + conv(32, 32) + conv(32, 64) + conv(64, 64) + dense(64, 3);
    expect(model.countParams()).toBe(expected);
    model.dispose();
  });

  it('supports a flatten head with hidden dense layers', () => {
    const model = vggLike({
      inputSize: [16, 24],
      blocks: [[4], [8]],
      head: 'flatten',
      dense: [10],
      numClasses: 2,
    });
    expect(model.getLayer('flatten').outputShape).toEqual([null, 4 * 6 * 8]);
    expect(model.countParams()).toBe(conv(3, 4) + conv(4, 8) + dense(4 * 6 * 8, 10) + dense(10, 2));
    model.dispose();
    expect(() => vggLike({ inputSize: null, head: 'flatten' })).toThrow(/flatten/);
  });
});
