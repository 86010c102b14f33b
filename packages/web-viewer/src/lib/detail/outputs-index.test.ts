import { ManifestSchema } from '@camkit/core';
import { describe, expect, it } from 'vitest';
import { tinyManifest } from '../run/test-manifest.js';
import { choicesFor, findOutput, indexOutputs, isGuided, settleChoice } from './outputs-index.js';

const manifest = ManifestSchema.parse(tinyManifest);
const byImage = indexOutputs(manifest);
const a = byImage.get('a')!;

describe('outputs index', () => {
  it('groups outputs by image', () => {
    expect(byImage.get('a')).toHaveLength(4);
    expect(byImage.get('b')).toHaveLength(1);
    expect(byImage.get('c')).toBeUndefined();
  });
  it('lists methods and classes for a model', () => {
    expect(choicesFor(a, 'camnet', 'cam')).toEqual({
      models: ['camnet'],
      methods: ['cam', 'gradcam', 'guided-gradcam'],
      classes: [0, 1],
    });
    expect(choicesFor(a, 'camnet', 'gradcam').classes).toEqual([0]);
  });
  it('settles a choice: keeps what exists, falls back to the preferred class, then the first', () => {
    expect(settleChoice(a, { model: 'camnet', method: 'cam', classIndex: 1 })).toEqual({
      model: 'camnet',
      method: 'cam',
      classIndex: 1,
    });
    // gradcam has no class 1: keep the method, use the preferred class 0
    expect(settleChoice(a, { model: 'camnet', method: 'gradcam', classIndex: 1 }, 0)).toEqual({
      model: 'camnet',
      method: 'gradcam',
      classIndex: 0,
    });
    expect(settleChoice(a, { model: 'nope', method: 'nope' }, 1)).toEqual({
      model: 'camnet',
      method: 'cam',
      classIndex: 1,
    });
    expect(settleChoice([], {})).toBeNull();
  });
  it('finds outputs and tells guided maps apart', () => {
    const g = findOutput(a, { model: 'camnet', method: 'guided-gradcam', classIndex: 0 });
    expect(g?.npy).toBe('a/ggc-0.npy');
    expect(isGuided(g!)).toBe(true);
    expect(isGuided(findOutput(a, { model: 'camnet', method: 'cam', classIndex: 0 })!)).toBe(false);
    expect(findOutput(a, { model: 'camnet', method: 'cam', classIndex: 3 })).toBeUndefined();
  });
});
