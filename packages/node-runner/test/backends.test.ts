import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseNpy } from '@camkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeHalvesDataset } from './make-images.js';
import { camkit, tmp } from './run-cli.js';

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
});
