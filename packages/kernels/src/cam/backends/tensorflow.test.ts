import { describe, expect, it } from 'vitest';
import { registerTensorflowKernels, TENSORFLOW_PACKAGES } from './tensorflow.js';

describe('registerTensorflowKernels', () => {
  it('with tfjs-node absent (as here: it cannot install), registers nothing and says so in one line', () => {
    // The real Node require: neither package is installed in this repo.
    const lines: string[] = [];
    const result = registerTensorflowKernels(undefined, (line) => lines.push(line));
    expect(result.registered).toBe(false);
    expect(lines).toEqual([result.message]);
    expect(result.message).not.toContain('\n');
    for (const name of TENSORFLOW_PACKAGES) expect(result.message).toContain(`${name}: not installed`);
    expect(result.message).toMatch(/use cpu, wasm or webgpu/);
  });

  it('survives a broken install (require throwing a plain Error, as tfjs-node does without libtensorflow)', () => {
    const tried: string[] = [];
    const result = registerTensorflowKernels((name) => {
      tried.push(name);
      throw new Error('libtensorflow.so.2: cannot open shared object file\n    at Module._extensions');
    }, null);
    expect(tried).toEqual([...TENSORFLOW_PACKAGES]);
    expect(result.registered).toBe(false);
    expect(result.message).toContain(
      '@tensorflow/tfjs-node-gpu: libtensorflow.so.2: cannot open shared object file',
    );
    expect(result.message).not.toContain('\n');
  });

  it('survives a loader that throws a non-Error', () => {
    const result = registerTensorflowKernels(() => {
      throw 'weird';
    }, null);
    expect(result.registered).toBe(false);
    expect(result.message).toContain('weird');
  });
});
