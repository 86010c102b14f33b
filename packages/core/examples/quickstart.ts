// The root README's snippet, runnable: `pnpm --filter @camkit/core example`.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { camNet, explain } from '@camkit/core';

await tf.setBackend('wasm');
const model = camNet({ inputSize: 64, numClasses: 4 }); // or loadModel('model.json') from '@camkit/core/node'
const images = tf.randomUniform([2, 64, 64, 3]) as tf.Tensor4D; // pixels / 255
const result = await explain(model, images, { method: 'gradcam', targets: 'all' });
for (const h of result.heatmaps) console.log(h.imageIndex, h.classIndex, h.shape); // [64, 64] maps in [0, 1]
images.dispose();
