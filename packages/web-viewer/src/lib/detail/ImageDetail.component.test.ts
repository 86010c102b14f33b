import { encodeNpy } from '@camkit/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { indexOutputs } from '../detail/outputs-index.js';
import { tinyManifest } from '../run/test-manifest.js';
import { readyRun, runFetch } from '../run/test-run.js';
import ImageDetail from './ImageDetail.svelte';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** An 8×8 float32 map that is 1 on rows y0..y1, columns x0..x1 (inclusive) and 0 elsewhere. */
function blockMap(y0: number, y1: number, x0: number, x1: number): Uint8Array {
  const data = new Float32Array(64);
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) data[y * 8 + x] = 1;
  return encodeNpy({ data, shape: [8, 8] });
}

// Image a gets a ground-truth box: columns 2..5, rows 2..4 (4 × 3 = 12 pixels).
const manifest = {
  ...tinyManifest,
  images: tinyManifest.images.map((i) =>
    i.id === 'a' ? { ...i, bbox: { xMin: 2, yMin: 2, xMax: 5, yMax: 4 } } : i,
  ),
};

function renderA() {
  const run = readyRun(manifest);
  const image = run.manifest!.images[0];
  const outputs = indexOutputs(run.manifest!).get('a')!;
  return render(ImageDetail, { run, image, outputs, modelId: 'camnet' });
}

describe('ImageDetail', () => {
  it("offers the image's methods and classes and scores the map's box against the ground truth", async () => {
    vi.stubGlobal(
      'fetch',
      runFetch({
        // Class 0: columns 2..3, rows 2..4 (6 pixels, inside the box): IoU 6 / 12 = 0.50.
        'a/cam-0.npy': blockMap(2, 4, 2, 3),
        // Class 1: the whole map (64 pixels, containing the box): IoU 12 / 64 = 0.19.
        'a/cam-1.npy': blockMap(0, 7, 0, 7),
      }),
    );
    renderA();
    const values = (id: string) =>
      Array.from((screen.getByTestId(id) as HTMLSelectElement).options).map((o) => o.value);
    expect(values('select-method')).toEqual(['cam', 'gradcam', 'guided-gradcam']);
    // cam has maps for classes 0 and 1; the predicted class (0) is shown first.
    expect(values('select-class')).toEqual(['0', '1']);
    expect((screen.getByTestId('select-class') as HTMLSelectElement).value).toBe('0');
    await waitFor(() => expect(screen.getByTestId('box-iou').textContent).toBe('0.50'));

    await fireEvent.change(screen.getByTestId('select-class'), { target: { value: '1' } });
    await waitFor(() => expect(screen.getByTestId('box-iou').textContent).toBe('0.19'));
  });

  it('says which map could not be loaded', async () => {
    vi.stubGlobal('fetch', runFetch({}));
    // Image b: its map was never loaded (the page's map cache is shared, as in the app).
    const run = readyRun(manifest);
    const outputs = indexOutputs(run.manifest!).get('b')!;
    render(ImageDetail, { run, image: run.manifest!.images[1], outputs, modelId: 'camnet' });
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(/Could not load b\/cam-2.npy: .*HTTP 404/),
    );
  });

  it('shows a guided method as an input-gradient picture, without a map box', async () => {
    const rgb = new Float32Array(8 * 8 * 3).map((_, i) => (i % 7) / 7);
    vi.stubGlobal('fetch', runFetch({ 'a/ggc-0.npy': encodeNpy({ data: rgb, shape: [8, 8, 3] }) }));
    renderA();
    await fireEvent.change(screen.getByTestId('select-method'), { target: { value: 'guided-gradcam' } });
    await waitFor(() => expect(screen.getByTestId('guided-canvas')).toBeTruthy());
    expect(screen.queryByTestId('heatmap-canvas')).toBeNull();
    expect(screen.queryByTestId('box-iou')).toBeNull();
  });
});
