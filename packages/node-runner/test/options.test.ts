// Every option of explain, evaluate, train and demo is validated before the first write: a bad value
// fails with one line naming the option, a non-zero exit, and leaves no output directory behind.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.js';
import { makeHalvesDataset } from './make-images.js';
import { type CliResult, tmp } from './run-cli.js';

/**
 * The CLI's main() in this process, stderr captured: the same parse and actions as bin/camkit.js
 * (the end-to-end tests spawn that), without paying a tfjs start-up for each of ~50 cases.
 */
async function camkit(args: string[]): Promise<CliResult> {
  let stderr = '';
  let stdout = '';
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  try {
    const code = await main(['node', 'camkit', ...args]);
    return { code, signal: null, stdout, stderr };
  } finally {
    err.mockRestore();
    out.mockRestore();
  }
}

/** The failure contract for a bad option, whether commander or camkit reports it. */
function expectRejected(r: CliResult, option: RegExp, out: string): void {
  expect(r.code, r.stderr).not.toBe(0);
  const lines = r.stderr
    .split('\n')
    .filter((l) => l.trim() && !/^(backend:|warning:|data:|init:|\(run with --help)/.test(l));
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^(camkit: )?error: /);
  expect(lines[0]).toMatch(option);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(existsSync(out), `${out} was written`).toBe(false);
}

type Case = [option: string, args: (ctx: Ctx) => string[], pattern?: RegExp];
interface Ctx {
  model: string;
  data: string;
  images: string;
  aFile: string;
  out: string;
}

const EXPLAIN: Case[] = [
  ['--model', (c) => ['--model', join(c.data, 'none.json'), '--images', c.images]],
  ['--images', (c) => ['--model', c.model, '--images', join(c.data, 'no-such-dir')]],
  ['--method', (c) => ['--model', c.model, '--images', c.images, '--method', 'nosuch']],
  ['--layer', (c) => ['--model', c.model, '--images', c.images, '--layer', 'nosuch']],
  ['--classes', (c) => ['--model', c.model, '--images', c.images, '--classes', 'x']],
  ['--classes', (c) => ['--model', c.model, '--images', c.images, '--classes', '0,7']],
  ['--preprocess', (c) => ['--model', c.model, '--images', c.images, '--preprocess', 'raw']],
  ['--input-size', (c) => ['--model', c.model, '--images', c.images, '--input-size', '0']],
  ['--colormap', (c) => ['--model', c.model, '--images', c.images, '--colormap', 'nosuch']],
  ['--alpha', (c) => ['--model', c.model, '--images', c.images, '--alpha', '2']],
  ['--batch', (c) => ['--model', c.model, '--images', c.images, '--batch', '0']],
  ['--concurrency', (c) => ['--model', c.model, '--images', c.images, '--concurrency', 'many']],
  ['--model-id', (c) => ['--model', c.model, '--images', c.images, '--model-id', '../escape']],
  ['--backend', (c) => ['--model', c.model, '--images', c.images, '--backend', 'tensorflow']],
  ['--out', (c) => ['--model', c.model, '--images', c.images, '--out', join(c.aFile, 'run')]],
];

const EVALUATE: Case[] = [
  ['--model', (c) => ['--model', join(c.data, 'none.json'), '--synthetic']],
  ['--data', (c) => ['--model', c.model, '--data', join(c.data, 'no-such-dir')]],
  ['--synthetic', (c) => ['--model', c.model, '--data', c.data, '--synthetic'], /--data DIR or --synthetic/],
  ['--count', (c) => ['--model', c.model, '--synthetic', '--count', '0']],
  ['--seed', (c) => ['--model', c.model, '--synthetic', '--seed', '-1']],
  ['--methods', (c) => ['--model', c.model, '--data', c.data, '--methods', 'nosuch']],
  ['--layer', (c) => ['--model', c.model, '--data', c.data, '--methods', 'gradcam', '--layer', 'nosuch']],
  ['--limit', (c) => ['--model', c.model, '--data', c.data, '--limit', '0']],
  ['--steps', (c) => ['--model', c.model, '--data', c.data, '--steps', '0']],
  ['--baseline', (c) => ['--model', c.model, '--data', c.data, '--baseline', 'nope']],
  ['--backend', (c) => ['--model', c.model, '--data', c.data, '--backend', 'tensorflow']],
  ['--out', (c) => ['--model', c.model, '--data', c.data, '--out', join(c.aFile, 'eval')]],
];

const TRAIN: Case[] = [
  ['--data', (c) => ['--data', join(c.data, 'no-such-dir')]],
  ['--synthetic', (c) => ['--data', c.data, '--synthetic'], /--data DIR or --synthetic/],
  ['--classes', () => ['--synthetic', '--classes', '99']],
  ['--count', () => ['--synthetic', '--count', '2']],
  ['--arch', () => ['--synthetic', '--arch', 'resnet']],
  ['--input-size', () => ['--synthetic', '--input-size', '4']],
  ['--filters', () => ['--synthetic', '--filters', '8,x']],
  ['--init', () => ['--synthetic', '--init', 'xavier']],
  ['--epochs', () => ['--synthetic', '--epochs', '0']],
  ['--batch', () => ['--synthetic', '--batch', '0']],
  ['--lr', () => ['--synthetic', '--lr', '-1']],
  ['--val-split', () => ['--synthetic', '--val-split', '1']],
  ['--seed', () => ['--synthetic', '--seed', '-1']],
  ['--schedule', () => ['--synthetic', '--schedule', 'linear']],
  ['--warmup-epochs', () => ['--synthetic', '--warmup-epochs', '-1']],
  ['--weight-decay', () => ['--synthetic', '--weight-decay', '2']],
  ['--label-smoothing', () => ['--synthetic', '--label-smoothing', '1']],
  ['--augment', () => ['--synthetic', '--augment', 'rotate']],
  ['--stream', (c) => ['--data', c.data, '--stream', 'maybe']],
  ['--cache-mib', (c) => ['--data', c.data, '--stream', 'on', '--cache-mib', '0']],
  ['--patience', () => ['--synthetic', '--patience', '0']],
  ['--batch-norm', () => ['--synthetic', '--arch', 'vgg-like', '--batch-norm']],
  ['--dilations', () => ['--synthetic', '--dilations', '1,2']],
  ['--dilations', () => ['--synthetic', '--dilations', '1,0,2,2']],
  ['--dilations', () => ['--synthetic', '--arch', 'vgg-like', '--dilations', '1,2,2']],
  ['--workers', () => ['--synthetic', '--workers', '0']],
  ['--workers', () => ['--synthetic', '--workers', '2', '--backend', 'cpu']],
  ['--resume', () => ['--synthetic', '--resume']],
  ['--backend', () => ['--synthetic', '--backend', 'tensorflow']],
  ['--out', (c) => ['--synthetic', '--out', join(c.aFile, 'train')]],
];

const DEMO: Case[] = [
  ['--seed', () => ['--seed', 'x']],
  ['--epochs', () => ['--epochs', '0']],
  ['--backend', () => ['--backend', 'tensorflow']],
  ['--out', (c) => ['--out', join(c.aFile, 'demo')]],
];

describe('every option is validated before anything is written', () => {
  const ctx = {} as Omit<Ctx, 'out'>;
  beforeAll(async () => {
    const root = tmp();
    ctx.data = join(root, 'data');
    await makeHalvesDataset(ctx.data, 4, 16);
    ctx.images = join(ctx.data, 'top');
    ctx.aFile = join(root, 'a-file');
    writeFileSync(ctx.aFile, 'not a directory');
    const run = join(root, 'run');
    const r = await camkit([
      'train',
      '--backend',
      'cpu',
      '--data',
      ctx.data,
      '--input-size',
      '16',
      '--filters',
      '2',
      '--epochs',
      '1',
      '--workers',
      '1',
      '--out',
      run,
    ]);
    expect(r.code, r.stderr).toBe(0);
    ctx.model = join(run, 'model.json');
  });

  const table: [string, Case[]][] = [
    ['explain', EXPLAIN],
    ['evaluate', EVALUATE],
    ['train', TRAIN],
    ['demo', DEMO],
  ];
  for (const [command, cases] of table) {
    it(`${command}: ${cases.map((c) => c[0]).join(' ')}`, async () => {
      for (const [option, args, pattern] of cases) {
        const out = join(tmp(), 'out');
        const c = { ...ctx, out };
        const given = args(c);
        // A case's own --out (under a plain file) comes later and overrides the fresh one.
        const r = await camkit([command, '--out', out, ...given]);
        const expectedOut = given.includes('--out') ? given[given.indexOf('--out') + 1] : out;
        expectRejected(r, pattern ?? new RegExp(option.replace(/[-]/g, '\\-')), expectedOut);
        // A case whose --out was overridden must not have touched the fresh one either.
        expect(existsSync(out), `${command} ${option} wrote ${out}`).toBe(false);
      }
    });
  }
});
