import { describe, expect, it } from 'vitest';
import { modelInput, preprocess, rgbToGray } from './model-input.js';
import { batchesOf, runBatchKey, type RunImage } from './write-run.js';

describe('model input', () => {
  it('converts RGB to BT.601 luma, keeping gray pixels exactly', () => {
    const rgb = Float32Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1, 0.25, 0.25, 0.25, 0.2, 0.4, 0.6);
    const gray = rgbToGray(rgb);
    // By hand: 0.299, 0.587, 0.114; a gray pixel stays itself; 0.2·0.299 + 0.4·0.587 + 0.6·0.114.
    const want = [0.299, 0.587, 0.114, 0.25, 0.0598 + 0.2348 + 0.0684];
    expect(gray.length).toBe(5);
    for (let i = 0; i < 5; i++) expect(gray[i]).toBeCloseTo(want[i], 6);
  });

  it('applies ImageNet mean/std per RGB channel and leaves unit input alone', () => {
    const x = Float32Array.of(0.485, 0.456, 0.406, 0.714, 0.68, 0.631);
    expect(preprocess(x, 'unit')).toBe(x);
    const y = preprocess(x, 'imagenet');
    [0, 0, 0, 1, 1, 1].forEach((v, i) => {
      expect(y[i]).toBeCloseTo(v, 3);
    });
  });

  it('maps [0, 1] to [-1, 1] for signed models, whatever the channel count', () => {
    // By hand: 2·x − 1.
    const x = Float32Array.of(0, 0.25, 0.5, 1, 0.8);
    expect(Array.from(preprocess(x, 'signed'))).toEqual([-1, -0.5, 0, 1, 0.6].map(Math.fround));
  });

  it('resizes through the image, then converts to gray for a 1-channel entry', async () => {
    const asked: number[][] = [];
    const img: RunImage = {
      id: 'a',
      rgb: new Uint8Array(12),
      width: 2,
      height: 2,
      input: async (h, w) => {
        asked.push([h, w]);
        return Float32Array.from({ length: h * w * 3 }, (_, i) => (i % 3 === 0 ? 1 : 0));
      },
    };
    const entry = { id: 'm', path: 'm.json', inputSize: [3, 5] as [number, number], classNames: ['x'] };
    const gray = await modelInput(img, { ...entry, channels: 1, preprocess: 'unit' });
    expect(asked).toEqual([[3, 5]]);
    expect(gray.length).toBe(15);
    expect(gray[0]).toBeCloseTo(0.299, 6);
    const rgb = await modelInput(img, { ...entry, channels: 3, preprocess: 'unit' }, [1, 2]);
    expect(Array.from(rgb)).toEqual([1, 0, 0, 1, 0, 0]);
  });

  it('batches never mix image sizes when a model is fed at each image’s own size', () => {
    const im = (id: string, height: number, width: number) => ({ id, height, width }) as RunImage;
    const images = [im('a', 8, 8), im('b', 4, 6), im('c', 8, 8), im('d', 8, 8), im('e', 4, 6)];
    const ids = (bs: RunImage[][]) => bs.map((b) => b.map((i) => i.id));
    expect(ids(batchesOf(images, 2))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    const entry = {
      id: 'm',
      path: 'm',
      inputSize: [8, 8] as [number, number],
      channels: 3,
      classNames: [],
      preprocess: 'unit' as const,
    };
    const fixed = { entry, model: null as never, methods: [] };
    expect(runBatchKey([fixed])).toBeUndefined();
    const key = runBatchKey([fixed, { ...fixed, freeSize: true }]);
    expect(ids(batchesOf(images, 2, key))).toEqual([['a', 'c'], ['d'], ['b', 'e']]);
  });
});
