// logitsModel: the pre-softmax scores of a Layers classifier, and nothing else left behind.
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, maxAbsDiff, useBackend } from '../../test/backends.js';
import { mobilenetV3 } from '../families/mobilenet-v3.js';
import { logitsModel } from './logits-model.js';

describe.each(BACKENDS)('logitsModel on %s', (backend) => {
  let model: ReturnType<typeof mobilenetV3>;
  beforeAll(async () => {
    await useBackend(backend);
    model = mobilenetV3({ inputSize: 32, numClasses: 5, seed: 3 });
  });
  afterAll(() => model.dispose());

  it('returns scores whose softmax is the model output, and keeps no intermediate tensor', () => {
    const x = tf.randomUniform([2, 32, 32, 3], 0, 1, 'float32', 7) as tf.Tensor4D;
    const lm = logitsModel(model);
    const before = tf.memory().numTensors;
    const logits = lm.predict(x);
    // Only the result is new: the layer-by-layer runner's tensors (a few hundred here) are freed.
    expect(tf.memory().numTensors).toBe(before + 1);
    const probs = model.predict(x) as tf.Tensor;
    const softmaxed = tf.softmax(logits);
    expect(maxAbsDiff(softmaxed.dataSync(), probs.dataSync())).toBeLessThan(1e-6);
    // The logits are not the probabilities themselves (the softmax really was stripped).
    expect(maxAbsDiff(logits.dataSync(), probs.dataSync())).toBeGreaterThan(1e-3);
    tf.dispose([x, logits, probs, softmaxed]);
  });
});
