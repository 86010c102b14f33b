// End to end: the built viewer, served by `camkit view`, in headless Debian chromium (WebGPU on
// SwiftShader), against a run written on small synthetic data.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyColormap, explain, type Manifest, METHODS, type Method, syntheticSample } from '@camkit/core';
import { loadModel, readNpyFile } from '@camkit/core/node';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.js';
import { makeRun } from '../scripts/make-run.js';
import { camkitView, ensureCliBuilt } from './serve.js';

const SHOTS = join(import.meta.dirname, '..', 'test-output');
const work = mkdtempSync(join(tmpdir(), 'camkit-e2e-'));
let runDir: string;
let manifest: Manifest;
let server: Awaited<ReturnType<typeof camkitView>>;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;
let page: Page;
/** Uncaught exceptions and console errors (failed requests included): every test ends with none. */
const pageErrors: string[] = [];

/** Record a page's uncaught exceptions and console errors into {@link pageErrors}. */
function watchErrors(p: Page): void {
  p.on('pageerror', (e) => pageErrors.push(e.message));
  p.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(`console: ${m.text()} (${m.location().url})`);
  });
}

/** Pixels of a canvas by test id, as a plain array. */
async function canvasPixels(testid: string): Promise<number[]> {
  return page.evaluate((id) => {
    const c = document.querySelector(`[data-testid="${id}"]`) as HTMLCanvasElement | null;
    if (!c) throw new Error(`no canvas ${id}`);
    return Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data);
  }, testid);
}

/** Wait until a canvas shows something other than `before` (and is not blank). */
async function waitForCanvasChange(testid: string, before: number[]): Promise<number[]> {
  await page.waitForFunction(
    ([id, sum]) => {
      const c = document.querySelector(`[data-testid="${id}"]`) as HTMLCanvasElement | null;
      if (!c) return false;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let s = 0;
      for (let i = 0; i < d.length; i++) s += d[i] * ((i % 7) + 1);
      return s !== 0 && s !== sum;
    },
    [testid, weightedSum(before)] as const,
  );
  return canvasPixels(testid);
}

function weightedSum(px: number[]): number {
  let s = 0;
  for (let i = 0; i < px.length; i++) s += px[i] * ((i % 7) + 1);
  return s;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // First, so a machine without chromium fails at once with the install hint.
  browser = await launchChromium();
  context = browser.context;
  // The real build, as `pnpm --filter @camkit/web-viewer build` makes it.
  // In a child process: inside vitest the svelte plugin would resolve Svelte's server build.
  execFileSync(
    join(import.meta.dirname, '..', 'node_modules', '.bin', 'vite'),
    ['build', '--logLevel', 'warn'],
    {
      cwd: join(import.meta.dirname, '..'),
      stdio: 'inherit',
    },
  );
  ensureCliBuilt();
  runDir = await makeRun(work);
  manifest = JSON.parse(readFileSync(join(runDir, 'manifest.json'), 'utf8'));
  server = await camkitView(runDir);
  page = await context.newPage();
  watchErrors(page);
  // Generous: a cold turbo build of the CLI plus two trainings on a busy 2-core box.
}, 600_000);

afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('run explorer', () => {
  it('lists every image of the run in the gallery', async () => {
    await page.goto(server.url);
    await page.getByTestId('gallery-item').first().waitFor();
    const ids = new Set<string>();
    // Walk every page: the gallery is paged.
    for (;;) {
      for (const id of await page
        .getByTestId('gallery-item')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-image-id')))) {
        ids.add(id!);
      }
      const next = page.getByRole('button', { name: 'Next page' });
      if (await next.isDisabled()) break;
      await next.click();
    }
    expect([...ids].sort()).toEqual(manifest.images.map((i) => i.id).sort());
    await expect
      .poll(() => page.getByTestId('gallery-count').textContent())
      .toBe(`${manifest.images.length} of ${manifest.images.length}`);
  });

  it('switching class changes the overlay, and the opacity slider changes it', async () => {
    // An image with maps for at least two classes of the first model.
    const withTwo = manifest.images.find(
      (img) =>
        new Set(
          manifest.outputs
            .filter((o) => o.image === img.id && o.model === manifest.models[0].id && o.method === 'cam')
            .map((o) => o.classIndex),
        ).size > 1,
    )!;
    await page.locator(`[data-testid="gallery-item"][data-image-id="${withTwo.id}"]`).click();
    await page.locator(`[data-testid="image-detail"][data-image-id="${withTwo.id}"]`).waitFor();
    await page.getByTestId('select-method').selectOption('cam');
    const first = await waitForCanvasChange('overlay-canvas', []);
    const classes = await page
      .getByTestId('select-class')
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const current = await page.getByTestId('select-class').inputValue();
    await page.getByTestId('select-class').selectOption(classes.find((c) => c !== current)!);
    const other = await waitForCanvasChange('overlay-canvas', first);
    expect(other).not.toEqual(first);

    await page.screenshot({ path: join(SHOTS, 'gallery-detail.png'), fullPage: true });

    // Opacity 0 must show the picture itself; opacity 1 a picture unlike it.
    const original = await canvasPixels('original-canvas');
    await page.getByTestId('opacity').fill('0');
    const at0 = await waitForCanvasChange('overlay-canvas', other);
    const maxDiff0 = Math.max(...at0.map((v, i) => Math.abs(v - original[i])));
    expect(maxDiff0).toBeLessThanOrEqual(1);
    await page.getByTestId('opacity').fill('1');
    const at1 = await waitForCanvasChange('overlay-canvas', at0);
    const heat = await canvasPixels('heatmap-canvas');
    expect(Math.max(...at1.map((v, i) => Math.abs(v - heat[i])))).toBeLessThanOrEqual(1);

    // The colormap is recomputed in the page from the .npy: compare with core's on the same file.
    const cls = Number(await page.getByTestId('select-class').inputValue());
    const out = manifest.outputs.find(
      (o) =>
        o.image === withTwo.id &&
        o.model === manifest.models[0].id &&
        o.method === 'cam' &&
        o.classIndex === cls,
    )!;
    await page.getByTestId('select-colormap').selectOption('viridis');
    const viridis = await waitForCanvasChange('heatmap-canvas', heat);
    const expected = applyColormap(readNpyFile(join(runDir, out.npy)).data, { colormap: 'viridis' });
    expect(viridis).toEqual(Array.from(expected));
  });

  it('renders the plots: loss and accuracy per epoch, confusion matrix', async () => {
    await page.getByRole('button', { name: 'Plots & metrics' }).click();
    const loss = page.getByTestId('loss-chart');
    await loss.waitFor();
    const d = await loss.getByTestId('series-path').first().getAttribute('d');
    // One point per epoch of history.json.
    const history = JSON.parse(readFileSync(join(runDir, 'history.json'), 'utf8'));
    expect((d ?? '').split(/[ML]/).filter((s) => s.trim()).length).toBe(history.epochs.length);
    await page.getByTestId('accuracy-chart').waitFor();
    const cells = await page.getByTestId('confusion-matrix').first().locator('tbody td').allTextContents();
    const metrics = JSON.parse(readFileSync(join(runDir, 'metrics.json'), 'utf8'));
    expect(cells.map(Number).reduce((a, b) => a + b, 0)).toBe(metrics.models[0].count);
    expect(await page.getByTestId('confusion-matrix').count()).toBe(metrics.models.length);
    // One table row per scored (model, method).
    expect(await page.getByTestId('metrics-table').locator('tbody tr').count()).toBe(metrics.methods.length);
    // Deletion/insertion curves are optional in metrics.json: a chart exactly when the run has them.
    const hasCurves = metrics.methods.some((m: { deletionCurve?: number[] }) => m.deletionCurve?.length);
    expect(await page.getByTestId('deletion-chart').count()).toBe(hasCurves ? 1 : 0);
    await page.screenshot({ path: join(SHOTS, 'plots.png'), fullPage: true });
  });
});

describe('a 1,000-image run', () => {
  it('pages the gallery and navigates it with the keyboard', async () => {
    // The same pictures 1,000 times, in a folder below the run: paths climb back up with '../'.
    const big = join(runDir, 'big');
    mkdirSync(big, { recursive: true });
    const images = Array.from({ length: 1000 }, (_, k) => {
      const src = manifest.images[k % manifest.images.length];
      return { ...src, id: `k${String(k).padStart(4, '0')}`, file: `../${src.file}` };
    });
    const outputs = images
      .slice(0, 40)
      .flatMap((img, k) =>
        manifest.outputs
          .filter((o) => o.image === manifest.images[k % manifest.images.length].id)
          .map((o) => ({ ...o, image: img.id, npy: `../${o.npy}` })),
      );
    const models = manifest.models.map((m) => ({ ...m, path: `../${m.path}` }));
    const history = manifest.history && `../${manifest.history}`;
    const metrics = manifest.metrics && `../${manifest.metrics}`;
    writeFileSync(
      join(big, 'manifest.json'),
      JSON.stringify({ ...manifest, models, images, outputs, history, metrics }),
    );

    await page.goto(`${server.url}?run=${encodeURIComponent('/run/big/')}#gallery`);
    await page.getByTestId('gallery-item').first().waitFor();
    expect(await page.getByTestId('gallery-count').textContent()).toBe('1000 of 1000');
    expect(await page.getByTestId('page-label').textContent()).toBe('Page 1 / 21');
    // Only one page is in the DOM.
    expect(await page.getByTestId('gallery-item').count()).toBe(48);

    const grid = page.getByTestId('gallery-grid');
    await grid.focus();
    await page.keyboard.press('End');
    await page.locator('[data-testid="image-detail"][data-image-id="k0999"]').waitFor();
    expect(await page.getByTestId('page-label').textContent()).toBe('Page 21 / 21');
    expect(await page.getByTestId('gallery-item').count()).toBe(1000 - 20 * 48);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.locator('[data-testid="image-detail"][data-image-id="k0001"]').waitFor();
    await page.keyboard.press('PageDown');
    await page.locator('[data-testid="image-detail"][data-image-id="k0049"]').waitFor();
    expect(await page.getByTestId('page-label').textContent()).toBe('Page 2 / 21');
    // The selected cell is the one under the keyboard cursor.
    expect(
      await page.locator('[data-testid="gallery-item"][aria-selected="true"]').getAttribute('data-image-id'),
    ).toBe('k0049');
  });
});

describe('live mode', () => {
  interface LiveOut {
    method: string;
    backend: string;
    map: number[];
    shape: number[];
    classIndex: number;
    input: string;
    tensors: number;
  }

  /** Clear the page's last result, do `act`, and wait for the result of `method` on `input`. */
  async function liveRun(act: () => Promise<void>, method: string, input?: string): Promise<LiveOut> {
    await page.evaluate(() => {
      (globalThis as Record<string, unknown>).__camkitLive = null;
    });
    await act();
    const h = await page.waitForFunction(
      ([m, src]) => {
        const r = (globalThis as Record<string, unknown>).__camkitLive as LiveOut | null;
        return r && r.method === m && (src === null || r.input === src) ? r : null;
      },
      [method, input ?? null] as const,
      { timeout: 120_000 },
    );
    return (await h.jsonValue()) as LiveOut;
  }

  function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
    expect(a.length).toBe(b.length);
    let d = 0;
    for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
    return d;
  }

  /** Core's explain on Node's cpu backend, the reference for the browser's maps. */
  async function nodeMap(method: Method, data: Float32Array, classIndex: number) {
    await tf.setBackend('cpu');
    const entry = manifest.models[0];
    const model = await loadModel(join(runDir, entry.path));
    const x = tf.tensor4d(data, [1, entry.inputSize[0], entry.inputSize[1], 3]);
    const r = await explain(model, x, { method, targets: [classIndex] });
    x.dispose();
    model.dispose();
    return r.heatmaps[0];
  }

  async function openLive(query = '') {
    await page.goto(`${server.url}${query}#live`);
    await expect
      .poll(() => page.getByTestId('live-backend').textContent(), { timeout: 60_000 })
      .toMatch(/model camnet/);
  }

  it('on a software WebGPU adapter runs wasm with camkit kernels, says why, and matches Node cpu for every method', async () => {
    await openLive();
    // As it reads: the markup's line breaks are spaces on the page.
    const status = ((await page.getByTestId('live-backend').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(status).toMatch(/Backend wasm/);
    expect(status).toMatch(/webgpu: software adapter .*wasm is faster/);
    expect(status).toMatch(/camkit kernels registered/);
    // Every method core has, offered in the page.
    const offered = await page
      .getByTestId('live-method')
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual([...METHODS]);

    const sample = 3;
    const s = syntheticSample(sample, { size: manifest.models[0].inputSize[0] });
    for (const method of METHODS) {
      const live = await liveRun(async () => {
        await page.getByTestId('live-method').selectOption(method);
        await page.getByTestId('live-sample').nth(sample).click();
      }, method);
      expect(live.backend).toBe('wasm');
      const ref = await nodeMap(method, s.image, live.classIndex);
      expect(live.shape).toEqual(ref.shape);
      expect(maxDiff(live.map, ref.map), `${method}: max |wasm - cpu|`).toBeLessThanOrEqual(1e-4);
    }

    // Same method twice: the page holds as many tensors after the second run as after the first.
    await page.getByTestId('live-method').selectOption('gradcam');
    const t1 = (await liveRun(() => page.getByTestId('live-sample').nth(5).click(), 'gradcam')).tensors;
    const t2 = (await liveRun(() => page.getByTestId('live-sample').nth(6).click(), 'gradcam')).tensors;
    expect(t2).toBe(t1);

    // A picked file goes through the same path (decoded and resized in the page).
    await liveRun(
      () => page.getByTestId('live-file').setInputFiles(join(runDir, manifest.images[0].file)),
      'gradcam',
      'image.png',
    );
    // And a dropped one.
    await liveRun(
      () =>
        page.evaluate(async (url) => {
          const blob = await (await fetch(url)).blob();
          const dt = new DataTransfer();
          dt.items.add(new File([blob], 'dropped.png', { type: 'image/png' }));
          document
            .querySelector('[data-testid="live-drop"]')!
            .dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
        }, `${server.url}run/${manifest.images[1].file}`),
      'gradcam',
      'dropped.png',
    );
    await page.screenshot({ path: join(SHOTS, 'live.png'), fullPage: true });
  });

  it("explains the run's own images: the page's map equals the one the CLI saved", async () => {
    // The images are at the model's size, so the page resizes nothing and must match exactly.
    const image = manifest.images[4];
    expect([image.height, image.width]).toEqual(manifest.models[0].inputSize);
    for (const method of ['cam', 'gradcam', 'guided-gradcam'] as const) {
      const live = await liveRun(
        async () => {
          await page.getByTestId('live-method').selectOption(method);
          await page.getByTestId('live-run-image').selectOption(image.id);
        },
        method,
        image.id,
      );
      const saved = manifest.outputs.find(
        (o) =>
          o.image === image.id &&
          o.model === manifest.models[0].id &&
          o.method === method &&
          o.classIndex === live.classIndex,
      )!;
      const npy = readNpyFile(join(runDir, saved.npy));
      expect(live.shape).toEqual(npy.shape);
      expect(maxDiff(live.map, npy.data), `${method}: max |page - CLI|`).toBeLessThanOrEqual(1e-4);
    }
  });

  it('with ?backend=webgpu runs on the software adapter and matches Node cpu within 1e-4', async () => {
    await openLive('?backend=webgpu');
    expect(await page.getByTestId('live-backend').textContent()).toMatch(/Backend webgpu/);
    const sample = 3;
    const s = syntheticSample(sample, { size: manifest.models[0].inputSize[0] });
    for (const method of ['cam', 'gradcam', 'guided-gradcam'] as const) {
      const live = await liveRun(async () => {
        await page.getByTestId('live-method').selectOption(method);
        await page.getByTestId('live-sample').nth(sample).click();
      }, method);
      expect(live.backend).toBe('webgpu');
      const ref = await nodeMap(method, s.image, live.classIndex);
      expect(maxDiff(live.map, ref.map), `${method}: max |webgpu - cpu|`).toBeLessThanOrEqual(1e-4);
    }
  });

  it('without any WebGPU adapter falls back to wasm with no console error', async () => {
    const p = await context.newPage();
    watchErrors(p);
    // What a browser with WebGPU but no usable GPU gives: requestAdapter() resolves to null.
    await p.addInitScript(() => {
      const gpu = (navigator as { gpu?: { requestAdapter: () => Promise<unknown> } }).gpu;
      if (gpu) gpu.requestAdapter = async () => null;
    });
    try {
      await p.goto(`${server.url}#live`);
      await expect
        .poll(() => p.getByTestId('live-backend').textContent(), { timeout: 60_000 })
        .toMatch(/Backend wasm.*webgpu: no WebGPU adapter.*model camnet/s);
      await p.getByTestId('live-sample').nth(1).click();
      await p.getByTestId('live-timing').waitFor({ timeout: 60_000 });
    } finally {
      await p.close();
    }
  });
});

describe('a graph model in live mode', () => {
  // The shared fixture: a real pretrained TF.js graph model with pytorch-grad-cam reference maps.
  const fx = join(process.env.CAMKIT_SHARED_FIXTURES ?? '', 'graph-reference');
  // The default target node (the last 4-D map with spatial size > 1), as the fixture names it.
  const node = 'StatefulPartitionedCall__sequential_1__max_pooling2d_2__MaxPool';

  it("loads the graph model and matches pytorch-grad-cam on the run's own photographs", async () => {
    const run = join(work, 'graph-run');
    cpSync(join(fx, 'models', 'liveness'), join(run, 'model', 'liveness'), { recursive: true });
    mkdirSync(join(run, 'images'));
    const stems = ['img00_astronaut_face', 'img03_cameraman'];
    for (const s of stems)
      copyFileSync(join(fx, 'images', 'liveness', `${s}.png`), join(run, 'images', `${s}.png`));
    // A run as the viewer reads it: the graph model, its photos, no saved maps.
    writeFileSync(
      join(run, 'manifest.json'),
      JSON.stringify({
        version: 1,
        createdAt: new Date().toISOString(),
        models: [
          {
            id: 'liveness',
            path: 'model/liveness/model.json',
            inputSize: [32, 32],
            classNames: ['class 0', 'class 1'],
          },
        ],
        images: stems.map((id) => ({ id, file: `images/${id}.png`, width: 32, height: 32, predictions: {} })),
        outputs: [],
      }),
    );
    const s = await camkitView(run);
    try {
      await page.goto(`${s.url}#live`);
      await expect
        .poll(() => page.getByTestId('live-backend').textContent(), { timeout: 60_000 })
        .toMatch(/model liveness/);
      for (const stem of stems) {
        for (const method of ['gradcam', 'gradcam++', 'guided-gradcam'] as const) {
          await page.evaluate(() => {
            (globalThis as Record<string, unknown>).__camkitLive = null;
          });
          await page.getByTestId('live-method').selectOption(method);
          if ((await page.getByTestId('live-run-image').inputValue()) !== stem) {
            await page.getByTestId('live-run-image').selectOption(stem);
          }
          const h = await page.waitForFunction(
            ([m, src]) => {
              const r = (globalThis as Record<string, any>).__camkitLive;
              return r && r.method === m && r.input === src ? r : null;
            },
            [method, stem] as const,
            { timeout: 120_000 },
          );
          const live = (await h.jsonValue()) as { map: number[]; shape: number[]; classIndex: number };
          const ref = readNpyFile(
            join(fx, 'refs', 'liveness', stem, method, node, `c${live.classIndex}.npy`),
          );
          expect(live.shape).toEqual(ref.shape);
          let diff = 0;
          let max = 0;
          ref.data.forEach((v, i) => {
            diff = Math.max(diff, Math.abs(v - live.map[i]));
            max = Math.max(max, Math.abs(v));
          });
          // The fixture's tolerances: gray maps 1e-3 absolute, guided maps 1e-3 of their max.
          const tol = method === 'guided-gradcam' ? 1e-3 * max : 1e-3;
          expect(diff, `${stem} ${method}: max |page - pytorch-grad-cam|`).toBeLessThanOrEqual(tol);
        }
      }
    } finally {
      await s.stop();
    }
  });
});

describe('bad runs', () => {
  it('shows a clear message for a malformed manifest, not a blank page', async () => {
    const bad = join(work, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'manifest.json'), JSON.stringify({ version: 2, models: [] }));
    const s = await camkitView(bad);
    try {
      await page.goto(s.url);
      const alert = page.getByTestId('run-error');
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/manifest.json: invalid manifest at version/);
      await page.screenshot({ path: join(SHOTS, 'bad-manifest.png') });
      writeFileSync(join(bad, 'manifest.json'), '{"version": 1,');
      await page.reload();
      await page.getByTestId('run-error').getByText('manifest.json is not valid JSON').waitFor();
    } finally {
      await s.stop();
    }
  });

  it('says where it looked when the manifest is missing', async () => {
    await page.goto(`${server.url}?run=/nowhere/`);
    await page
      .getByTestId('run-error')
      .getByText(/nowhere\/manifest.json \(HTTP 404\)/)
      .waitFor();
    // The browser logs the failed request itself: that one, and nothing else.
    expect(pageErrors.splice(0)).toEqual([expect.stringMatching(/404.*\/nowhere\/manifest\.json/)]);
  });
});
