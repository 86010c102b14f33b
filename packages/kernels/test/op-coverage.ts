import * as tf from '@tensorflow/tfjs';
import { CPU_TRAINING_KERNELS, WASM_TRAINING_KERNELS } from '../src/index.js';
import { seededUniform } from './random.js';

/**
 * The layers and ops the Keras-applications families are built from, each as a small function of a
 * 4-D input, with the families that use it. `make` runs after the backend is set (tensors made on
 * one backend and read on another come back wrong) and returns the function and the weights it
 * trains; weights are set from a seed so every backend computes the same thing.
 */
export interface OpCase {
  name: string;
  families: string;
  input: [number, number, number, number];
  make: () => { apply: (x: tf.Tensor) => tf.Tensor; weights: tf.Variable[]; dispose?: () => void };
}

/** Sets every weight of a built layer from a seed (BN variances kept positive). */
function seedWeights(layer: tf.layers.Layer, seed: number): void {
  const values = layer.getWeights().map((w, i) => {
    const u = seededUniform(seed + i, w.size);
    const positive = /variance/.test(layer.weights[i]?.originalName ?? '');
    return tf.tensor(positive ? u.map((v) => 0.5 + Math.abs(v)) : u, w.shape);
  });
  layer.setWeights(values);
  tf.dispose(values);
}

/** Layers applied in sequence (inference mode), built and seeded for `input`. */
function layers(input: readonly number[], ...stack: tf.layers.Layer[]): ReturnType<OpCase['make']> {
  const apply = (x: tf.Tensor) => stack.reduce((h, l) => l.apply(h) as tf.Tensor, x);
  tf.tidy(() => {
    apply(tf.zeros(input as number[])); // builds the layers
  });
  stack.forEach((l, i) => {
    seedWeights(l, 100 * i + 1);
  });
  const weights = stack.flatMap((l) => l.trainableWeights.map((w) => w.read() as tf.Variable));
  return {
    apply,
    weights,
    dispose: () => {
      // Layer.dispose() only acts on layers used in a symbolic model: free the weights directly.
      for (const l of stack) for (const w of l.weights) w.dispose();
    },
  };
}

const L = tf.layers;
const IN: [number, number, number, number] = [2, 9, 9, 8];
const same = 'same' as const;
const valid = 'valid' as const;

export const OP_CASES: OpCase[] = [
  {
    name: 'Conv2D 3×3 same + bias + ReLU',
    families: 'VGG16, ResNet, DenseNet',
    input: IN,
    make: () => layers(IN, L.conv2d({ filters: 8, kernelSize: 3, padding: same, activation: 'relu' })),
  },
  {
    name: 'Conv2D 7×7/2 same (stem), no bias',
    families: 'ResNet50, DenseNet121',
    input: [1, 13, 13, 3],
    make: () =>
      layers(
        [1, 13, 13, 3],
        L.conv2d({ filters: 4, kernelSize: 7, strides: 2, padding: same, useBias: false }),
      ),
  },
  {
    name: 'Conv2D 1×1/2 valid',
    families: 'ResNet50 (projection shortcut)',
    input: IN,
    make: () => layers(IN, L.conv2d({ filters: 12, kernelSize: 1, strides: 2, padding: valid })),
  },
  {
    name: 'DepthwiseConv2D 3×3 same',
    families: 'MobileNet v1/v2/v3, EfficientNet',
    input: IN,
    make: () => layers(IN, L.depthwiseConv2d({ kernelSize: 3, padding: same })),
  },
  {
    name: 'DepthwiseConv2D 3×3/2 valid after ZeroPadding2D',
    families: 'MobileNet v1/v2 (correct_pad)',
    input: IN,
    make: () =>
      layers(
        IN,
        L.zeroPadding2d({
          padding: [
            [0, 1],
            [0, 1],
          ],
        }),
        L.depthwiseConv2d({ kernelSize: 3, strides: 2, padding: valid, useBias: false }),
      ),
  },
  {
    name: 'DepthwiseConv2D 5×5/2 same',
    families: 'EfficientNet B0, MobileNet v3',
    input: IN,
    make: () => layers(IN, L.depthwiseConv2d({ kernelSize: 5, strides: 2, padding: same })),
  },
  {
    name: 'SeparableConv2D 3×3 same',
    families: 'Xception',
    input: IN,
    make: () => layers(IN, L.separableConv2d({ filters: 12, kernelSize: 3, padding: same, useBias: false })),
  },
  {
    name: 'fused conv2d + bias + relu6 (graph models)',
    families: 'converted MobileNet / EfficientNet graph models',
    input: IN,
    make: () => {
      const w = tf.tidy(() => tf.variable(tf.tensor(seededUniform(3, 3 * 3 * 8 * 8), [3, 3, 8, 8])));
      const b = tf.tidy(() => tf.variable(tf.tensor(seededUniform(4, 8), [8])));
      return {
        apply: (x) =>
          tf.fused.conv2d({
            x: x as tf.Tensor4D,
            filter: w as tf.Tensor4D,
            strides: 1,
            pad: same,
            bias: b,
            activation: 'relu6',
          }),
        weights: [w, b],
        dispose: () => tf.dispose([w, b]),
      };
    },
  },
  {
    name: 'fused depthwiseConv2d + bias + relu6 (graph models)',
    families: 'converted MobileNet graph models',
    input: IN,
    make: () => {
      const w = tf.tidy(() => tf.variable(tf.tensor(seededUniform(5, 3 * 3 * 8), [3, 3, 8, 1])));
      const b = tf.tidy(() => tf.variable(tf.tensor(seededUniform(6, 8), [8])));
      return {
        apply: (x) =>
          tf.fused.depthwiseConv2d({
            x: x as tf.Tensor4D,
            filter: w as tf.Tensor4D,
            strides: 2,
            pad: same,
            bias: b,
            activation: 'relu6',
          }),
        weights: [w, b],
        dispose: () => tf.dispose([w, b]),
      };
    },
  },
  {
    name: 'BatchNormalization (inference)',
    families: 'all but VGG16',
    input: IN,
    make: () => layers(IN, L.batchNormalization({})),
  },
  {
    name: 'ReLU6 (ReLU maxValue 6)',
    families: 'MobileNet v1/v2',
    input: IN,
    make: () => {
      const r = layers(IN, L.reLU({ maxValue: 6 }));
      return { ...r, apply: (x) => r.apply(tf.mul(x, 8)) };
    },
  },
  {
    name: "Activation 'relu6'",
    families: 'MobileNet (tfjs converters)',
    input: IN,
    make: () => {
      const r = layers(IN, L.activation({ activation: 'relu6' }));
      return { ...r, apply: (x) => r.apply(tf.mul(x, 8)) };
    },
  },
  {
    name: 'hard-swish x·relu6(x+3)/6',
    families: 'MobileNet v3',
    input: IN,
    make: () => ({ apply: (x) => tf.mul(x, tf.div(tf.relu6(tf.add(tf.mul(x, 4), 3)), 6)), weights: [] }),
  },
  {
    name: "Activation 'hardSigmoid'",
    families: 'MobileNet v3 (SE gate)',
    input: IN,
    make: () => {
      const r = layers(IN, L.activation({ activation: 'hardSigmoid' }));
      return { ...r, apply: (x) => r.apply(tf.mul(x, 4)) };
    },
  },
  {
    name: "Activation 'swish'",
    families: 'EfficientNet B0',
    input: IN,
    make: () => layers(IN, L.activation({ activation: 'swish' })),
  },
  {
    name: 'squeeze-excite: x · sigmoid(Dense(GAP(x)))',
    families: 'EfficientNet B0, MobileNet v3',
    input: IN,
    make: () => {
      const gap = L.globalAveragePooling2d({});
      const fc = L.dense({ units: 8, activation: 'sigmoid' });
      const r = layers(IN, gap, fc);
      return { ...r, apply: (x) => tf.mul(x, tf.reshape(r.apply(x), [IN[0], 1, 1, 8])) };
    },
  },
  {
    name: 'Add (residual)',
    families: 'ResNet, MobileNet v2/v3, EfficientNet, Xception',
    input: IN,
    make: () => {
      const add = L.add();
      return { apply: (x) => add.apply([x, tf.mul(x, x)]) as tf.Tensor, weights: [] };
    },
  },
  {
    name: 'Concatenate (channels)',
    families: 'DenseNet121',
    input: IN,
    make: () => {
      const cat = L.concatenate({ axis: -1 });
      return { apply: (x) => cat.apply([x, tf.mul(x, x)]) as tf.Tensor, weights: [] };
    },
  },
  {
    name: 'MaxPooling2D 2×2/2',
    families: 'VGG16',
    input: IN,
    make: () => layers(IN, L.maxPooling2d({ poolSize: 2, strides: 2 })),
  },
  {
    name: 'MaxPooling2D 3×3/2 same (overlapping, padded)',
    families: 'ResNet50 stem, Xception',
    input: IN,
    make: () => layers(IN, L.maxPooling2d({ poolSize: 3, strides: 2, padding: same })),
  },
  {
    name: 'ZeroPadding2D + MaxPooling2D 3×3/2 valid',
    families: 'ResNet50 v1/v2, DenseNet121 stem',
    input: IN,
    make: () => layers(IN, L.zeroPadding2d({ padding: 1 }), L.maxPooling2d({ poolSize: 3, strides: 2 })),
  },
  {
    name: 'AveragePooling2D 2×2/2',
    families: 'DenseNet121 (transition)',
    input: IN,
    make: () => layers(IN, L.averagePooling2d({ poolSize: 2, strides: 2 })),
  },
  {
    name: 'AveragePooling2D 3×3/1 same (padded)',
    families: 'Inception-style blocks',
    input: IN,
    make: () => layers(IN, L.averagePooling2d({ poolSize: 3, strides: 1, padding: same })),
  },
  {
    name: 'GlobalAveragePooling2D',
    families: 'ResNet, MobileNet, EfficientNet, DenseNet, Xception',
    input: IN,
    make: () => layers(IN, L.globalAveragePooling2d({})),
  },
  {
    name: 'GlobalMaxPooling2D',
    families: "all (pooling='max')",
    input: IN,
    make: () => layers(IN, L.globalMaxPooling2d({})),
  },
  {
    name: 'Flatten + Dense + Dropout + softmax',
    families: 'VGG16 head, every classifier',
    input: IN,
    make: () =>
      layers(
        IN,
        L.flatten(),
        L.dense({ units: 5 }),
        L.dropout({ rate: 0.5 }),
        L.activation({ activation: 'softmax' }),
      ),
  },
  {
    name: 'Rescaling (1/127.5, −1)',
    families: 'EfficientNet, MobileNet v3 (preprocessing)',
    input: IN,
    make: () => layers(IN, L.rescaling({ scale: 1 / 127.5, offset: -1 })),
  },
  {
    name: 'PReLU',
    families: 'other CNNs',
    input: IN,
    make: () => layers(IN, L.prelu({})),
  },
  {
    name: 'ELU',
    families: 'other CNNs',
    input: IN,
    make: () => layers(IN, L.elu({})),
  },
  {
    name: 'LeakyReLU',
    families: 'other CNNs',
    input: IN,
    make: () => layers(IN, L.leakyReLU({})),
  },
];

/** Whether a direction ran, and which kernels did it (camkit's marked). */
export interface DirectionResult {
  ok: boolean;
  /** `Kernel 'X' not registered …` → the kernel name; other failures: the first line. */
  error?: string;
  kernels: string[];
  camkitKernels: string[];
  values?: Float32Array[];
}

export interface OpResult {
  forward: DirectionResult;
  backward: DirectionResult;
}

/** Coarse values with many ties and exact zeros (as after a ReLU), seeded. */
export function tiedInput(shape: readonly number[], seed: number): Float32Array {
  return seededUniform(
    seed,
    shape.reduce((a, b) => a * b, 1),
  ).map((v) => Math.round(v * 4) / 4);
}

function failure(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const missing = /Kernel '(\w+)' not registered for backend '(\w+)'/.exec(message);
  return missing ? `not registered: ${missing[1]}` : (message.split('\n')[0] ?? '').slice(0, 120);
}

/** Kernels camkit registers (the webgpu list joins once tfjs-backend-webgpu is loaded). */
export const CAMKIT_CONFIGS = new Set<unknown>([...WASM_TRAINING_KERNELS, ...CPU_TRAINING_KERNELS]);

/** Adds the webgpu training kernels to {@link CAMKIT_CONFIGS} (imports tfjs-backend-webgpu). */
export async function addWebGPUConfigs(): Promise<void> {
  const { WEBGPU_TRAINING_KERNELS } = await import('../src/training/webgpu/pool-grad-webgpu.js');
  for (const c of WEBGPU_TRAINING_KERNELS) CAMKIT_CONFIGS.add(c);
}

/** Max |a − b| / max |b| over all arrays; Infinity when their counts or sizes differ. */
export function relErrAll(a: Float32Array[] | undefined, b: Float32Array[] | undefined): number {
  if (!a || !b || a.length !== b.length) return Number.POSITIVE_INFINITY;
  let diff = 0;
  let scale = 1e-30;
  a.forEach((x, i) => {
    const y = b[i] as Float32Array;
    if (x.length !== y.length) diff = Number.POSITIVE_INFINITY;
    for (let j = 0; j < x.length; j++) {
      diff = Math.max(diff, Math.abs((x[j] as number) - (y[j] as number)));
      scale = Math.max(scale, Math.abs(y[j] as number));
    }
  });
  return diff / scale;
}

function camkitOnes(names: readonly string[], backend: string): string[] {
  return names.filter((n) => CAMKIT_CONFIGS.has(tf.getKernel(n, backend)));
}

/** Runs one case forward and backward (input and weight gradients) on the active backend. */
export async function measureOp(c: OpCase): Promise<OpResult> {
  const backend = tf.getBackend();
  const r = (): DirectionResult => ({ ok: false, kernels: [], camkitKernels: [] });
  const forward = r();
  const backward = r();
  let made: ReturnType<OpCase['make']>;
  try {
    made = c.make();
  } catch (e) {
    forward.error = backward.error = failure(e);
    return { forward, backward };
  }
  const x = tf.tidy(() => tf.variable(tf.tensor(tiedInput(c.input, 5), c.input)));
  try {
    const profile = await tf.profile(() => tf.tidy(() => made.apply(x)));
    const y = profile.result as tf.Tensor;
    forward.values = [await y.data<'float32'>()];
    forward.kernels = [...new Set(profile.kernelNames)];
    forward.ok = true;
    const dy = tf.tensor(seededUniform(9, y.size), y.shape);
    y.dispose();
    try {
      // The engine's gradient with an upstream dy: no loss ops of our own in the kernel list.
      const grads = await tf.profile(() => {
        const { value, grads: g } = tf.engine().gradients(() => made.apply(x), [x, ...made.weights], dy);
        value.dispose();
        return g;
      });
      const list = grads.result as tf.Tensor[];
      backward.values = await Promise.all(list.map((t) => t.data<'float32'>()));
      tf.dispose(list);
      const forwardSet = new Set(forward.kernels);
      backward.kernels = [...new Set(grads.kernelNames)].filter((k) => !forwardSet.has(k));
      backward.ok = true;
    } catch (e) {
      backward.error = failure(e);
    } finally {
      dy.dispose();
    }
  } catch (e) {
    forward.error = backward.error = failure(e);
  } finally {
    x.dispose();
    made.dispose?.();
  }
  forward.camkitKernels = camkitOnes(forward.kernels, backend);
  backward.camkitKernels = camkitOnes(backward.kernels, backend);
  return { forward, backward };
}

/** One table cell: ✓ (stock), ✓ camkit (names), or ✗ and why. */
export function coverageCell(d: DirectionResult): string {
  if (!d.ok) return `✗ ${d.error}`;
  return d.camkitKernels.length > 0 ? `✓ camkit (${d.camkitKernels.join(', ')})` : '✓ stock';
}
