import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { measureOp, OP_CASES, relErrAll } from './op-coverage.js';

/**
 * Every layer/op of the Keras-applications families runs forward and backward (input and weight
 * gradients) on `backend`, and gives what the cpu backend gives (cpu itself checked against
 * float64 loops for the kernels camkit replaces). `camkitKernels`: for each case name, kernels
 * that must be camkit's in the backward pass (proves the registration reaches tf.grad).
 */
export function opCoverageCases(backend: string, camkitKernels: Record<string, string[]> = {}): void {
  describe.each(OP_CASES)(`op coverage [${backend}] $name`, (c) => {
    it('runs forward and backward, equal to cpu', async () => {
      await tf.setBackend('cpu');
      const cpu = await measureOp(c);
      await tf.setBackend(backend);
      const tensors = tf.memory().numTensors;
      const r = await measureOp(c);
      expect(r.forward.error).toBeUndefined();
      expect(r.backward.error).toBeUndefined();
      expect(relErrAll(r.forward.values, cpu.forward.values)).toBeLessThan(1e-4);
      expect(relErrAll(r.backward.values, cpu.backward.values)).toBeLessThan(1e-4);
      for (const k of camkitKernels[c.name] ?? []) expect(r.backward.camkitKernels).toContain(k);
      expect(tf.memory().numTensors).toBe(tensors);
    });
  });
}
