// Measures which layers/ops of the Keras-applications families run forward and backward on each
// backend (cpu, wasm with camkit's kernels, webgpu on Dawn) and prints the kernels README's
// coverage table. `pnpm --filter @camkit/kernels coverage [cpu,wasm,webgpu]`.
import * as tf from '@tensorflow/tfjs';
import { registerCamkitKernels, registerWasmTrainingKernels } from '../src/index.js';
import {
  addWebGPUConfigs,
  coverageCell,
  measureOp,
  OP_CASES,
  type OpResult,
  relErrAll,
} from '../test/op-coverage.js';

const backends = (process.argv[2] ?? 'cpu,wasm,webgpu').split(',');
const results = new Map<string, OpResult[]>();
for (const backend of backends) {
  if (backend === 'wasm') {
    await import('@tensorflow/tfjs-backend-wasm');
    registerWasmTrainingKernels();
  } else if (backend === 'webgpu') {
    await import('../test/webgpu/setup.js');
    await import('@tensorflow/tfjs-backend-webgpu');
    tf.env().set('WEBGPU_CPU_FORWARD', false);
    await addWebGPUConfigs();
  }
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} failed to initialise`);
  await registerCamkitKernels();
  const rows: OpResult[] = [];
  for (const c of OP_CASES) rows.push(await measureOp(c));
  results.set(backend, rows);
}

const cpu = results.get('cpu');
const header = ['op / layer', 'used by', ...backends.flatMap((b) => [`${b} forward`, `${b} backward`])];
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
OP_CASES.forEach((c, i) => {
  const cells = [c.name, c.families];
  for (const b of backends) {
    const r = (results.get(b) as OpResult[])[i] as OpResult;
    for (const dir of ['forward', 'backward'] as const) {
      let cell = coverageCell(r[dir]);
      const ref = cpu?.[i]?.[dir];
      if (b !== 'cpu' && r[dir].ok && ref?.ok) {
        const err = relErrAll(r[dir].values, ref.values);
        if (err > 1e-4) cell += ` ≠ cpu (${err.toExponential(1)})`;
      }
      cells.push(cell);
    }
  }
  console.log(`| ${cells.join(' | ')} |`);
});
process.exit(0);
