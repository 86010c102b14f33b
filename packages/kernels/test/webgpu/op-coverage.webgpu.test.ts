import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe } from 'vitest';
import { useBackend } from '../backends.js';
import { addWebGPUConfigs } from '../op-coverage.js';
import { opCoverageCases } from '../op-coverage-suite.js';

describe('Keras-applications ops on webgpu (Dawn)', () => {
  beforeAll(async () => {
    await useBackend('webgpu');
    await addWebGPUConfigs();
    await tf.setBackend('webgpu');
  });
  opCoverageCases('webgpu', {
    'MaxPooling2D 2×2/2': ['MaxPoolGrad'],
    'AveragePooling2D 3×3/1 same (padded)': ['AvgPoolGrad'],
  });
});
