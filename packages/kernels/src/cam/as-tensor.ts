import { CamkitError } from '@camkit/core';
import { Tensor, type TensorLike, tensor } from '@tensorflow/tfjs-core';

/** A float32 tensor from a tensor or nested array; inside `op()` a created tensor is freed with the op's scope. */
export function asFloatTensor(x: Tensor | TensorLike, arg: string, opName: string): Tensor {
  const t = x instanceof Tensor ? x : tensor(x, undefined, 'float32');
  if (t.dtype !== 'float32') throw new CamkitError(`${opName}: ${arg} must be float32, got ${t.dtype}`);
  return t;
}
