import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '@tensorflow/tfjs-backend-cpu';
import { parseNpy } from '@camkit/core';
import { resnet50V1 } from '@camkit/core/families';
import { saveModel } from '@camkit/core/node';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeHalvesDataset } from './make-images.js';
import { camkit, errorLine, tmp } from './run-cli.js';

// WebGPU without a GPU: Dawn (npm `webgpu`) on chromium's SwiftShader Vulkan driver, which
// scripts/test-env.mjs installs. Missing, this test fails: it must not pass silently.
const ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

describe('backends', () => {
  let run: string;
  let image: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    expect(existsSync(ICD), `${ICD} missing: apt-get install -y chromium libvulkan1`).toBe(true);
    const root = tmp();
    await makeHalvesDataset(join(root, 'data'), 6, 16);
    image = join(root, 'data', 'top', 'top-0.png');
    run = join(root, 'run');
    const r = await camkit([
      'train',
      '--data',
      join(root, 'data'),
      '--input-size',
      '16',
      '--filters',
      '4,8',
      '--epochs',
      '1',
      '--out',
      run,
    ]);
    expect(r.code, r.stderr).toBe(0);
    env = { VK_ICD_FILENAMES: ICD, XDG_RUNTIME_DIR: mkdtempSync(join(tmpdir(), 'xdg-')) };
  });

  it('explains on WebGPU (SwiftShader) with the same maps as on wasm', async () => {
    const outs: Record<string, string> = {};
    for (const backend of ['webgpu', 'wasm']) {
      outs[backend] = join(tmp(), backend);
      const r = await camkit(
        [
          'explain',
          '--backend',
          backend,
          '--model',
          join(run, 'model.json'),
          '--images',
          image,
          '--method',
          'cam,gradcam',
          '--classes',
          'all',
          '--out',
          outs[backend],
        ],
        { env },
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(new RegExp(`^backend: ${backend}`));
    }
    for (const method of ['cam', 'gradcam']) {
      for (const k of [0, 1]) {
        const f = `top-0/${method}/c${k}.npy`;
        const a = parseNpy(readFileSync(join(outs.webgpu, f))).data;
        const b = parseNpy(readFileSync(join(outs.wasm, f))).data;
        let max = 0;
        for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
        expect(max, f).toBeLessThan(1e-4);
      }
    }
  });

  it('auto refuses a software WebGPU adapter and says so', async () => {
    const r = await camkit(
      ['explain', '--model', join(run, 'model.json'), '--images', image, '--out', join(tmp(), 'auto')],
      { env },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/backend: wasm .*webgpu: only a software \(fallback\) adapter: .*SwiftShader/);
  });

  it("wasm runs XNNPACK on --threads threads, as its label says; the maps equal 1 thread's to round-off", async () => {
    // A ResNet-50-style net at 64 px: convs big enough that XNNPACK splits them between threads.
    await tf.setBackend('cpu');
    const model = resnet50V1({ inputSize: 64, seed: 5 });
    const dir = join(tmp(), 'resnet');
    await saveModel(model, dir);
    model.dispose();
    const outs: Record<string, string> = {};
    for (const threads of ['1', '2']) {
      outs[threads] = join(tmp(), `threads-${threads}`);
      const r = await camkit([
        'explain',
        '--backend',
        'wasm',
        '--threads',
        threads,
        '--model',
        join(dir, 'model.json'),
        '--images',
        image,
        '--method',
        'gradcam,guided-backprop',
        '--layer',
        'conv3_block1_out',
        '--classes',
        'all',
        '--out',
        outs[threads],
      ]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(new RegExp(`^backend: wasm \\(SIMD[^,]*, ${threads} threads?\\)`));
    }
    let nonzero = 0;
    for (const method of ['gradcam', 'guided-backprop']) {
      for (const k of [0, 1, 2, 3, 4]) {
        const f = `top-0/${method}/c${k}.npy`;
        const a = parseNpy(readFileSync(join(outs['2'], f))).data;
        const b = parseNpy(readFileSync(join(outs['1'], f))).data;
        let max = 0;
        let scale = 0;
        for (let i = 0; i < a.length; i++) {
          max = Math.max(max, Math.abs(a[i] - b[i]));
          scale = Math.max(scale, Math.abs(b[i]));
        }
        if (scale > 0) nonzero++;
        // Round-off only: XNNPACK tiles some convs by thread count, which can reorder their sums.
        expect(max, f).toBeLessThanOrEqual(1e-5 * scale);
      }
    }
    expect(nonzero).toBeGreaterThanOrEqual(6);
  });

  it('--threads 0 is a one-line error naming the option, and nothing is written', async () => {
    const out = join(tmp(), 'bad-threads');
    const r = await camkit([
      'explain',
      '--threads',
      '0',
      '--model',
      join(run, 'model.json'),
      '--images',
      image,
      '--out',
      out,
    ]);
    expect(r.code).not.toBe(0);
    expect(errorLine(r)).toMatch(/--threads/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });
});
