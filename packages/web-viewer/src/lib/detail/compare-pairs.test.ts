import type { OutputEntry } from '@camkit/core';
import { describe, expect, it } from 'vitest';
import { comparePairs } from './compare-pairs.js';

const out = (model: string, method: string, classIndex: number): OutputEntry => ({
  image: 'a',
  model,
  method,
  layer: null,
  classIndex,
  className: `c${classIndex}`,
  npy: `${model}/${method}/${classIndex}.npy`,
  shape: [4, 4],
  heatmap: null,
  overlay: null,
  raw: null,
});

describe('comparePairs', () => {
  const outputs = [
    out('m', 'cam', 0),
    out('m', 'cam', 1),
    out('m', 'cam', 2),
    out('m', 'gradcam', 0),
    out('n', 'cam', 2),
  ];
  const predictions = { m: { predicted: 2, probabilities: [] }, n: { predicted: 0, probabilities: [] } };

  it('takes the chosen class where a model × method has it', () => {
    expect(comparePairs(outputs, 1, predictions).map((o) => o.npy)).toEqual([
      'm/cam/1.npy',
      'm/gradcam/0.npy',
      'n/cam/2.npy',
    ]);
  });

  it('falls back to the predicted class, then to the first output', () => {
    // Class 5 exists nowhere: m/cam uses m's prediction (2); m/gradcam and n/cam have one output each.
    expect(comparePairs(outputs, 5, predictions).map((o) => o.npy)).toEqual([
      'm/cam/2.npy',
      'm/gradcam/0.npy',
      'n/cam/2.npy',
    ]);
  });
});
