import { camNet, explain, syntheticSample } from '@camkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { LiveState } from './live-state.svelte.js';
import { sampleInput } from './sample-input.js';

describe('LiveState', () => {
  it('falls back to cpu without WebGPU, explains like core does, and leaks no tensors', async () => {
    const live = new LiveState();
    // Node has no navigator.gpu and no WebGL: the chain must end on cpu and say why it skipped.
    await live.init({ order: ['webgpu', 'cpu'], gpu: null }, false);
    expect(live.backend?.backend).toBe('cpu');
    expect(live.backend?.skipped.map((s) => s.name)).toEqual(['webgpu']);

    const model = camNet({ inputSize: 16, filters: [4, 4], numClasses: 4 });
    live.model = model;
    live.setInput(sampleInput(2, { id: 'm', inputSize: [16, 16] }));
    live.method = 'gradcam';

    await live.run(1);
    const before = tf.memory().numTensors;
    await live.run(1);
    expect(tf.memory().numTensors).toBe(before);
    expect(live.error).toBeNull();
    const r = live.result!;
    expect(r.classIndex).toBe(1);
    expect(r.backend).toBe('cpu');
    expect(r.tensors).toBe(before);

    // The same floats through core directly: the sample is not round-tripped through bytes.
    const s = syntheticSample(2, { size: 16 });
    const x = tf.tensor4d(s.image, [1, 16, 16, 3]);
    const ref = await explain(model, x, { method: 'gradcam', targets: [1] });
    x.dispose();
    expect(Array.from(r.map)).toEqual(Array.from(ref.heatmaps[0].map));
    model.dispose();
  });

  it('refuses a model path outside the run with a clear message', async () => {
    const live = new LiveState();
    await live.loadModel('http://h/run/', {
      id: 'm',
      path: '/home/me/model.json',
      inputSize: [8, 8],
      channels: 3,
      classNames: ['a'],
      preprocess: 'unit',
    });
    expect(live.model).toBeNull();
    expect(live.error).toMatch(/outside the run directory \(\/home\/me\/model.json\)/);
  });
});
