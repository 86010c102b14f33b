import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, maxAbs, maxAbsDiff, useBackend } from '../../test/backends.js';
import { GRAPH_FIXTURE_DIR } from '../../test/fixture-dir.js';
import { GRAPH_MODELS_DIR, loadGraph } from '../../test/load-graph.js';
import { graphProgram } from './graph-program.js';

// Every real graph model camkit's tests use: the vendored ones and the graph-reference fixture's.
const MODELS: [string, string, number[]][] = [
  ['emotion (grayscale, depthwise, residual)', join(GRAPH_MODELS_DIR, 'emotion'), [2, 64, 64, 1]],
  ['antispoof (float16, sigmoid)', join(GRAPH_MODELS_DIR, 'antispoof'), [2, 128, 128, 3]],
  ['age (AvgPool, StridedSlice, regression)', join(GRAPH_MODELS_DIR, 'age'), [2, 64, 64, 3]],
  ['liveness (graph-reference)', join(GRAPH_FIXTURE_DIR, 'models', 'liveness'), [3, 32, 32, 3]],
];

describe.each(BACKENDS)('graph interpreter (%s)', (backend) => {
  beforeAll(() => useBackend(backend));

  it.each(MODELS)(
    '%s: every node the output needs equals GraphModel.execute (1e-4 of its range)',
    async (_, dir, shape) => {
      const model = await loadGraph(dir);
      const program = graphProgram(model);
      const x = tf.randomUniform(shape, 0, 1, 'float32', 7);
      const before = tf.memory().numTensors;
      const record = new Map<string, tf.Tensor[]>();
      tf.tidy(() => {
        const out = program.run(x, { record }).outputs[0];
        const names = program.scoreOrder
          .filter((n) => n.op !== 'Const' && n.op !== 'Placeholder')
          .map((n) => n.name);
        // tfjs's own executor (fused kernels), fetching internal nodes by name.
        const ref = model.execute(x, [...names, model.outputNodes[0]]) as tf.Tensor[];
        names.forEach((name, i) => {
          const want = ref[i].dataSync();
          expect(maxAbsDiff(record.get(name)![0].dataSync(), want), name).toBeLessThanOrEqual(
            1e-4 * Math.max(1, maxAbs(want)),
          );
        });
        expect(maxAbsDiff(out.dataSync(), ref[ref.length - 1].dataSync())).toBeLessThan(1e-4);
      });
      expect(tf.memory().numTensors).toBe(before);
      x.dispose();
      model.dispose();
    },
  );

  it.each([
    ['emotion', [1, 64, 64, 1]],
    ['age', [1, 64, 64, 3]],
  ])(
    '%s: the same values with the gradient-pass ops (first-max MaxPool, exact AvgPool, depthwise fallback)',
    async (name, shape) => {
      const model = await loadGraph(join(GRAPH_MODELS_DIR, name as string));
      const program = graphProgram(model);
      const x = tf.randomUniform(shape as number[], 0, 1, 'float32', 8);
      const [a, b] = tf.tidy(() => [
        program.run(x, { linearOutput: true }).outputs[0].dataSync(),
        program.run(x, { linearOutput: true, unfused: true }).outputs[0].dataSync(),
      ]);
      expect(maxAbsDiff(a, b)).toBeLessThan(1e-5);
      x.dispose();
      model.dispose();
    },
  );
});
