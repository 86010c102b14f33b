import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe } from 'vitest';
import { registerCamkitKernels } from '../src/index.js';
import { opCoverageCases } from './op-coverage-suite.js';

const DEPTHWISE = ['DepthwiseConv2dNativeBackpropInput', 'DepthwiseConv2dNativeBackpropFilter'];

beforeAll(async () => {
  await registerCamkitKernels();
});

describe.each(['cpu', 'wasm'])('Keras-applications ops on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });
  opCoverageCases(
    backend,
    backend === 'wasm'
      ? {
          'DepthwiseConv2D 3×3 same': DEPTHWISE,
          'SeparableConv2D 3×3 same': DEPTHWISE,
          'MaxPooling2D 3×3/2 same (overlapping, padded)': ['MaxPoolGrad'],
          'AveragePooling2D 3×3/1 same (padded)': ['AvgPoolGrad'],
        }
      : { 'AveragePooling2D 3×3/1 same (padded)': ['AvgPoolGrad'] },
  );
});
