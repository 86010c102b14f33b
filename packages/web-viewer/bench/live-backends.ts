// Live-mode explain time per tfjs backend in headless chromium, side by side in one run:
//   pnpm bench            (builds the viewer and a small run with the real CLI first)
// Writes BENCHMARKS.md beside package.json. Each config loads the page with ?backend=…[&kernels=off],
// warms up once per method (shader compilation), then times ROUNDS explains of different samples.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../e2e/browser.js';
import { MAKE_RUN_DEFAULTS, makeRun } from '../scripts/make-run.js';
import { camkitView, ensureCliBuilt } from '../e2e/serve.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const METHODS = ['cam', 'gradcam', 'guided-gradcam'] as const;
const CONFIGS = [
  { id: 'webgpu + camkit kernels', query: 'backend=webgpu' },
  { id: 'webgpu, stock tfjs ops', query: 'backend=webgpu&kernels=off' },
  { id: 'wasm + camkit kernels', query: 'backend=wasm' },
  { id: 'webgl', query: 'backend=webgl' },
  { id: 'cpu', query: 'backend=cpu' },
];

const pkg = join(import.meta.dirname, '..');
execFileSync(join(pkg, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
  cwd: pkg,
  stdio: 'inherit',
});
ensureCliBuilt();
const work = mkdtempSync(join(tmpdir(), 'camkit-bench-'));
const run = await makeRun(work);
const server = await camkitView(run);
const browser = await launchChromium();
const page = await browser.context.newPage();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results: Record<string, Record<string, { median: number; first: number; all: number[] }>> = {};
let adapter = '';
try {
  for (const c of CONFIGS) {
    await page.goto(`${server.url}?${c.query}#live`);
    await page
      .getByTestId('live-backend')
      .getByText(/model camnet/)
      .waitFor({ timeout: 120_000 });
    if (c.query.includes('webgpu') && !adapter) {
      adapter = await page.evaluate(async () => {
        const a = await (navigator as any).gpu?.requestAdapter();
        return a
          ? `${a.info?.vendor ?? ''} ${a.info?.architecture ?? ''} ${a.info?.description ?? ''}`.trim()
          : 'none';
      });
    }
    results[c.id] = {};
    for (const method of METHODS) {
      await page.getByTestId('live-method').selectOption(method);
      const times: number[] = [];
      for (let k = 0; k <= ROUNDS; k++) {
        await page.evaluate(() => {
          (globalThis as Record<string, unknown>).__camkitLive = null;
        });
        await page
          .getByTestId('live-sample')
          .nth(k % 8)
          .click();
        const h = await page.waitForFunction(
          (m) => {
            const r = (globalThis as Record<string, unknown>).__camkitLive as {
              method: string;
              ms: number;
            } | null;
            return r && r.method === m ? r.ms : null;
          },
          method,
          { timeout: 120_000 },
        );
        times.push((await h.jsonValue()) as number);
      }
      const [first, ...rest] = times;
      results[c.id][method] = { median: median(rest), first, all: rest };
      console.log(
        `${c.id.padEnd(26)} ${method.padEnd(15)} median ${median(rest).toFixed(1)} ms (first ${first.toFixed(0)} ms)`,
      );
    }
  }
} finally {
  await browser.close();
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}

const chromium = execFileSync('/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] })
  .toString()
  .trim();
const lines = [
  '# @camkit/web-viewer benchmarks',
  '',
  'Live mode: one `explain` of one synthetic image in headless chromium, per backend, timed in the page',
  `(performance.now around core's \`explain\`, predicted class). Model: camNet ${MAKE_RUN_DEFAULTS.size}×${MAKE_RUN_DEFAULTS.size}, filters 8/16,`,
  'trained by `camkit train` (4 epochs). Median of ' + ROUNDS + ' runs after one warm-up run per method',
  '(the warm-up includes shader compilation and is shown as "first").',
  '',
  `Command: \`pnpm --filter @camkit/web-viewer bench\` (BENCH_ROUNDS=${ROUNDS})`,
  `Machine: ${cpus().length}-core ${cpus()[0]?.model ?? 'x86-64'}, Node ${process.version}, ${chromium} headless,`,
  `flags --enable-unsafe-webgpu (no GPU: WebGPU runs on SwiftShader${adapter ? `, adapter "${adapter}"` : ''};`,
  'WebGL on SwiftShader GL). Software rendering makes the GPU backends slow here: the ratios say how the',
  'backends compare on this box, not on a real GPU. Measured on a shared machine; expect ±20 %.',
  '',
  '| method | ' +
    CONFIGS.map((c) => c.id).join(' | ') +
    ' | kernels / stock (webgpu) | webgpu + kernels / cpu | webgl / cpu |',
  `|---|${CONFIGS.map(() => '---:').join('|')}|---:|---:|---:|`,
  ...METHODS.map((m) => {
    const t = (id: string) => results[id][m].median;
    const cells = CONFIGS.map((c) => `${t(c.id).toFixed(1)} ms (first ${results[c.id][m].first.toFixed(0)})`);
    const r = (a: string, b: string) => `${(t(a) / t(b)).toFixed(2)}×`;
    const [k, stock, gl, cpu] = CONFIGS.map((c) => c.id);
    return `| ${m} | ${cells.join(' | ')} | ${r(k, stock)} | ${r(k, cpu)} | ${r(gl, cpu)} |`;
  }),
  '',
];
writeFileSync(join(pkg, 'BENCHMARKS.md'), lines.join('\n'));
console.log(lines.join('\n'));
