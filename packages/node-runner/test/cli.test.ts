import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { camkit, errorLine, tmp } from './run-cli.js';

const COMMANDS = ['train', 'explain', 'evaluate', 'demo', 'view', 'import-keras', 'inspect'];

describe('camkit CLI', () => {
  it('prints help for the program and every command, exit 0', async () => {
    const top = await camkit(['--help']);
    expect(top.code).toBe(0);
    for (const c of COMMANDS) expect(top.stdout).toContain(c);
    for (const c of COMMANDS) {
      const r = await camkit([c, '--help']);
      expect(r.code, c).toBe(0);
      expect(r.stdout, c).toMatch(new RegExp(`Usage: camkit ${c}`));
    }
    const train = await camkit(['train', '--help']);
    for (const opt of [
      '--data',
      '--synthetic',
      '--arch',
      '--input-size',
      '--epochs',
      '--batch',
      '--lr',
      '--val-split',
      '--seed',
      '--out',
      '--resume',
      '--backend',
      '--schedule',
      '--weight-decay',
      '--label-smoothing',
      '--augment',
      '--batch-norm',
      '--dilations',
      '--balance',
      '--patience',
      '--stream',
    ]) {
      expect(train.stdout).toContain(opt);
    }
    // Every default is shown (commander's "(default: ...)" or the option's own words).
    for (const shown of [
      'epochs (default: 10)',
      '(default: 0.003)',
      '(default: "cosine")',
      '(default: "flip,shift")',
      'same results either way (default: "auto")',
      "(default: the images' own size",
      '(default: camnet 16,32,64,64',
      '(default: all 1)',
    ]) {
      expect(train.stdout.replace(/\s+/g, ' ')).toContain(shown);
    }
  });

  it('rejects unknown options and bad values with one line, exit ≠ 0', async () => {
    const r = await camkit(['train', '--synthetic', '--out', '/tmp/x', '--epochs', 'many']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--epochs/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const b = await camkit(['train', '--synthetic', '--out', '/tmp/x', '--backend', 'quantum']);
    expect(b.code).not.toBe(0);
    expect(b.stderr).toMatch(/--backend/);
    const u = await camkit(['frobnicate']);
    expect(u.code).not.toBe(0);
    // A missing required option: one 'camkit: error:' line naming it, usage exit code 2.
    for (const [cmd, opt] of [
      ['train', '--out'],
      ['explain', '--model'],
    ]) {
      const m = await camkit([cmd, '--synthetic']);
      expect(m.code).toBe(2);
      expect(errorLine(m)).toMatch(
        new RegExp(
          `^camkit: error: required option '${opt} <[^>]+>' not specified \\(camkit ${cmd} --help for usage\\)$`,
        ),
      );
    }
  });

  it('says which backend runs and why better ones were skipped', async () => {
    const r = await camkit(['train', '--data', '/nonexistent-dir', '--out', '/tmp/camkit-x']);
    expect(r.stderr).toMatch(
      /backend: wasm \(SIMD \+ FMA, 1 thread\) \(skipped tfjs-node-gpu: not installed; tfjs-node: not installed; webgpu: /,
    );
    expect(errorLine(r)).toMatch(/--data \/nonexistent-dir/);
  });

  it('runs on an explicitly named backend, and names the reason when one cannot start', async () => {
    const out = join(tmp(), 'cpu-run');
    const r = await camkit([
      'train',
      '--backend',
      'cpu',
      '--synthetic',
      '--classes',
      '2',
      '--count',
      '8',
      '--input-size',
      '16',
      '--filters',
      '2',
      '--epochs',
      '1',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^backend: cpu\n/);
    expect(existsSync(join(out, 'model.json'))).toBe(true);
    const tfn = await camkit(['train', '--backend', 'tensorflow', '--synthetic', '--out', join(tmp(), 'x')]);
    expect(errorLine(tfn)).toMatch(/--backend tensorflow: cannot start \(tfjs-node: not installed\)/);
  });
});
