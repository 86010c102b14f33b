import wabt from 'wabt';
import { describe, expect, it } from 'vitest';
import { writeBatchNormModule } from './batch-norm-module.js';
import { writeDepthwiseGradModule } from './depthwise-grad-module.js';
import { writeFilterGradModule } from './filter-grad-module.js';
import { writeSumRowsModule } from './sum-rows-module.js';
import { writeWinogradModule } from './winograd-module.js';

// The generated kernels as text (wabt's wasm2wat), so a change to the code they emit shows in
// review as a diff of readable instructions; each module must also pass wabt's validator.
describe('generated wasm modules, disassembled', () => {
  const modules: [string, (shared: boolean) => Uint8Array][] = [
    ['sum-rows', writeSumRowsModule],
    ['batch-norm', writeBatchNormModule],
    ['depthwise-grad', writeDepthwiseGradModule],
    ['filter-grad', writeFilterGradModule],
    // The smallest channel counts that exercise both register-tile widths (8 and a 4 tail).
    [
      'winograd-4x12-bias-relu',
      (shared) => writeWinogradModule(4, 12, 4, shared, { bias: true, relu: true }),
    ],
  ];
  it.each(modules)('%s validates and matches its reviewed disassembly', async (name, write) => {
    const w = await wabt();
    const module = w.readWasm(write(false), { readDebugNames: false, simd: true });
    try {
      module.validate();
      const text = module.toText({ foldExprs: false, inlineExport: false });
      expect(text).toContain('(import "env" "memory"');
      await expect(text).toMatchFileSnapshot(`./__snapshots__/${name}.wat`);
    } finally {
      module.destroy();
    }
  });

  it('the shared-memory variant differs only in its memory import', async () => {
    const w = await wabt();
    const text = (shared: boolean) => {
      const m = w.readWasm(writeSumRowsModule(shared), { readDebugNames: false, simd: true, threads: true });
      try {
        return m.toText({ foldExprs: false, inlineExport: false });
      } finally {
        m.destroy();
      }
    };
    const [a, b] = [text(false).split('\n'), text(true).split('\n')];
    const differing = a.filter((line, i) => line !== b[i]);
    expect(differing).toHaveLength(1);
    expect(differing[0]).toContain('(import "env" "memory"');
  });
});
