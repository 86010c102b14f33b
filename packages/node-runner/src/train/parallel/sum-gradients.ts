/**
 * Sums the shard gradients (one list of per-variable arrays per worker, in the same order) into the
 * first worker's arrays and returns them: adding in worker order keeps the result bit-identical
 * from step to step and from run to run.
 */
export function sumGradients(perWorker: Float32Array[][]): Float32Array[] {
  const [sum, ...rest] = perWorker;
  for (const grads of rest) {
    for (const [i, g] of grads.entries()) {
      const into = sum[i];
      for (let j = 0; j < into.length; j++) into[j] += g[j];
    }
  }
  return sum;
}
