import * as tf from '@tensorflow/tfjs-core';
import { CamkitError } from '../errors.js';

const NOT_REGISTERED = /Kernel '([^']+)' not registered for backend '([^']+)'/;

// The layer classes whose forward pass or gradient runs each family of tfjs kernels.
const KERNEL_LAYERS: [RegExp, string[]][] = [
  [/DepthwiseConv2d/i, ['DepthwiseConv2D', 'SeparableConv2D']],
  [/^(Fused)?Conv2D(Backprop(Input|Filter))?$/, ['Conv2D', 'SeparableConv2D', 'Conv2DTranspose']],
  [/^MaxPool/, ['MaxPooling2D']],
  [/^AvgPool/, ['AveragePooling2D']],
  [/^FusedBatchNorm/, ['BatchNormalization']],
  [/^Resize(Bilinear|NearestNeighbor)/, ['UpSampling2D']],
  [/^Prelu/, ['PReLU']],
  [/^Elu/, ['ELU']],
  [/^LeakyRelu/, ['LeakyReLU']],
  [/^Relu6/, ['ReLU']],
  [/^(Pad|PadV2|MirrorPad)$/, ['ZeroPadding2D']],
  [/^(_FusedMatMul|BatchMatMul)$/, ['Dense']],
  [/^Concat/, ['Concatenate']],
];

/** A layer (class name) or graph node (op) as the message names it. */
export interface NamedLayer {
  name: string;
  className: string;
}

/**
 * Turns tfjs's "Kernel 'X' not registered for backend 'B'" into a one-line CamkitError that names
 * the layer that needs the kernel, the kernel, the backend, and the backends that have it. Any
 * other error is returned unchanged. `layers` are the model's layers in execution order; a
 * gradient kernel is blamed on the last layer of its kind (backpropagation reaches it first), a
 * forward kernel on the first.
 */
export function kernelError(error: unknown, layers: readonly NamedLayer[]): unknown {
  const match = error instanceof Error ? NOT_REGISTERED.exec(error.message) : null;
  if (!match) return error;
  const [, kernel, backend] = match;
  const classes = KERNEL_LAYERS.find(([pattern]) => pattern.test(kernel))?.[1] ?? [];
  // Graph nodes carry their op as className, which the kernel name pattern matches directly.
  const pattern = KERNEL_LAYERS.find(([p]) => p.test(kernel))?.[0];
  const users = layers.filter((l) => classes.includes(l.className) || pattern?.test(l.className));
  const layer = /Backprop|Grad$/.test(kernel) ? users.at(-1) : users[0];
  const others = Object.keys(tf.engine().registryFactory).filter(
    (b) => b !== backend && tf.getKernel(kernel, b) !== undefined,
  );
  const where = layer ? `layer '${layer.name}' (${layer.className}): ` : '';
  const instead = others.length
    ? `; use --backend ${others[0]} (backends that have it: ${others.join(', ')})`
    : '; no registered backend has it';
  return new CamkitError(`${where}kernel '${kernel}' is not available on backend '${backend}'${instead}`);
}
