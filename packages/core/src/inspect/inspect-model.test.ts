import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../test/backends.js';
import { GRAPH_FIXTURE_DIR } from '../../test/fixture-dir.js';
import { loadGraph } from '../../test/load-graph.js';
import { flattenNet, gapNet } from '../../test/tiny-models.js';
import { inspectModel } from './inspect-model.js';

describe('inspectModel', () => {
  beforeAll(() => useBackend('cpu'));

  it('Layers model: input, softmax score, GAP head, every 4-D layer with its parameters', () => {
    const net = gapNet({ size: 6, filters: [3, 4], classes: 3 });
    const info = inspectModel(net);
    expect(info.format).toBe('layers-model');
    expect(info.input).toMatchObject({ shape: [null, 6, 6, 3], dtype: 'float32', channels: 3 });
    expect(info.numClasses).toBe(3);
    expect(info.score).toEqual({ node: 'logits', activation: 'softmax', preActivation: true, binary: false });
    expect(info.head).toEqual({ kind: 'gap-dense', camApplies: true });
    // 3×3 convs: 9·3·3 + 3 and 9·3·4 + 4 parameters.
    expect(info.candidates).toEqual([
      { name: 'conv1', shape: [null, 6, 6, 3], params: 84, op: 'Conv2D' },
      { name: 'conv2', shape: [null, 6, 6, 4], params: 112, op: 'Conv2D' },
    ]);
    expect(info.defaultTarget).toBe('conv2');
    const flat = inspectModel(flattenNet());
    expect(flat.head.camApplies).toBe(false);
    expect(flat.head.reason).toMatch(/use method 'gradcam' instead/);
    net.dispose();
  });

  it('graph model: nodes on the path to the pre-softmax score, Const-free, with Const parameter counts', async () => {
    const before = tf.memory().numTensors;
    const model = await loadGraph(`${GRAPH_FIXTURE_DIR}/models/liveness`);
    const info = inspectModel(model);
    expect(info.format).toBe('graph-model');
    expect(info.input).toEqual({
      name: 'conv2d_1_input',
      shape: [null, 32, 32, 3],
      dtype: 'float32',
      channels: 3,
    });
    expect(info.numClasses).toBe(2);
    expect(info.score).toEqual({
      node: 'StatefulPartitionedCall/sequential_1/dense_2/BiasAdd',
      activation: 'softmax',
      preActivation: true,
      binary: false,
    });
    expect(info.head).toMatchObject({ kind: 'other', camApplies: false });
    expect(info.candidates.every((c) => c.shape.length === 4 && c.op !== 'Const')).toBe(true);
    const relu = info.candidates.find(
      (c) => c.name === 'StatefulPartitionedCall/sequential_1/activation_3/Relu',
    )!;
    expect(relu.shape).toEqual([null, 16, 16, 32]);
    // The fixture's README: the last 4-D node before the Reshape → Dense head.
    expect(info.defaultTarget).toBe('StatefulPartitionedCall/sequential_1/max_pooling2d_2/MaxPool');
    expect(info.candidates.at(-1)!.name).toBe('StatefulPartitionedCall/sequential_1/max_pooling2d_2/MaxPool');
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
