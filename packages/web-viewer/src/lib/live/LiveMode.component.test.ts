import { camNet, explain, METHODS } from '@camkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { tinyManifest } from '../run/test-manifest.js';
import { readyRun, runFetch } from '../run/test-run.js';
import LiveMode from './LiveMode.svelte';
import { sampleInput } from './sample-input.js';

interface LiveOut {
  method: string;
  backend: string;
  map: number[];
  classIndex: number;
  input: string;
}
const lastResult = () => (globalThis as Record<string, unknown>).__camkitLive as LiveOut | null;

// The run's model (16×16, the smallest synthetic samples; three classes), saved as tfjs writes it.
const manifest = { ...tinyManifest, models: [{ ...tinyManifest.models[0], inputSize: [16, 16] }] };
let files: Record<string, Uint8Array | string>;
let model: ReturnType<typeof camNet>;

beforeAll(async () => {
  await import('@tensorflow/tfjs-backend-cpu');
  await tf.setBackend('cpu');
  model = camNet({ inputSize: 16, filters: [4, 4], numClasses: 3 });
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      files = {
        'model/camnet/model.json': JSON.stringify({
          format: a.format,
          generatedBy: a.generatedBy,
          convertedBy: a.convertedBy,
          modelTopology: a.modelTopology,
          weightsManifest: [{ paths: ['weights.bin'], weights: a.weightSpecs }],
        }),
        'model/camnet/weights.bin': new Uint8Array(tf.io.CompositeArrayBuffer.join(a.weightData!)),
      };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  // Forced cpu: this DOM has neither WebGPU nor WebGL, and no wasm binaries to fetch.
  history.replaceState(null, '', '/?backend=cpu');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('LiveMode', () => {
  it("loads the run's model, offers every method and the run's images, and explains like core", async () => {
    vi.stubGlobal('fetch', runFetch(files));
    render(LiveMode, { run: readyRun(manifest) });
    // Loaded: the samples are enabled once the model is in.
    await waitFor(
      () => expect((screen.getAllByTestId('live-sample')[2] as HTMLButtonElement).disabled).toBe(false),
      {
        timeout: 20_000,
      },
    );
    expect(screen.getByTestId('live-backend').textContent).toMatch(/Backend cpu.*model camnet/s);
    const options = (id: string) =>
      Array.from((screen.getByTestId(id) as HTMLSelectElement).options).map((o) => o.value);
    expect(options('live-method')).toEqual([...METHODS]);
    expect(options('live-run-image')).toEqual(['', 'a', 'b', 'c', 'd']);

    // The default method (choosing another goes through bind:value, which happy-dom's ':checked'
    // does not support; the browser suite covers every method).
    expect((screen.getByTestId('live-method') as HTMLSelectElement).value).toBe('gradcam');
    await fireEvent.click(screen.getAllByTestId('live-sample')[2]);
    await waitFor(
      () =>
        expect(lastResult()?.method, screen.queryByTestId('live-error')?.textContent ?? '').toBe('gradcam'),
      { timeout: 20_000 },
    );
    const live = lastResult()!;
    expect(live.backend).toBe('cpu');
    expect(live.input).toBe('synthetic #2');

    // The same sample through core with the model the test saved: the page loaded those weights.
    const s = sampleInput(2, { id: 'camnet', inputSize: [16, 16] });
    const x = tf.tensor4d(s.data, [1, 16, 16, 3]);
    const ref = await explain(model, x, { method: 'gradcam', targets: [live.classIndex] });
    x.dispose();
    let diff = 0;
    ref.heatmaps[0].map.forEach((v, i) => {
      diff = Math.max(diff, Math.abs(v - live.map[i]));
    });
    expect(diff).toBeLessThanOrEqual(1e-6);
    expect(screen.getByTestId('live-timing').textContent).toMatch(/gradcam for .* on cpu in \d+ ms/s);
  });

  it('says why when the model cannot be fetched', async () => {
    vi.stubGlobal('fetch', runFetch({}));
    render(LiveMode, { run: readyRun(manifest) });
    await waitFor(
      () =>
        expect(screen.getByTestId('live-error').textContent).toMatch(
          /Could not load model camnet: .*model\/camnet\/model.json: HTTP 404/,
        ),
      { timeout: 20_000 },
    );
  });
});
