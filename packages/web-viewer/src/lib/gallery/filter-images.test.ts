import { ImageEntrySchema } from '@camkit/core';
import { describe, expect, it } from 'vitest';
import { tinyManifest } from '../run/test-manifest.js';
import { filterImages, type ImageFilter } from './filter-images.js';

// a: true 0 pred 0 (correct), b: true 1 pred 2 (wrong), c: true 2 pred 2 (correct), d: no truth, pred 1
const images = tinyManifest.images.map((i) => ImageEntrySchema.parse(i));
const all: ImageFilter = { model: 'camnet', classIndex: null, classOf: 'true', correctness: 'all' };

describe('filterImages', () => {
  it('keeps everything with no filter', () => {
    expect(filterImages(images, all)).toEqual([0, 1, 2, 3]);
  });
  it('filters by true or predicted class', () => {
    expect(filterImages(images, { ...all, classIndex: 2 })).toEqual([2]);
    expect(filterImages(images, { ...all, classIndex: 2, classOf: 'predicted' })).toEqual([1, 2]);
    expect(filterImages(images, { ...all, classIndex: 1, classOf: 'predicted' })).toEqual([3]);
  });
  it('filters by correctness and drops images without ground truth', () => {
    expect(filterImages(images, { ...all, correctness: 'correct' })).toEqual([0, 2]);
    expect(filterImages(images, { ...all, correctness: 'incorrect' })).toEqual([1]);
  });
  it('combines class and correctness', () => {
    expect(
      filterImages(images, { ...all, classIndex: 2, classOf: 'predicted', correctness: 'incorrect' }),
    ).toEqual([1]);
  });
  it('handles 1,000 images quickly enough to run on every keystroke', () => {
    const many = Array.from({ length: 1000 }, (_, k) => images[k % 4]);
    expect(filterImages(many, { ...all, correctness: 'correct' })).toHaveLength(500);
  });
});
