import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tinyManifest } from '../run/test-manifest.js';
import { readyRun, runFetch } from '../run/test-run.js';
import Gallery from './Gallery.svelte';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Gallery', () => {
  it('lists every image, filters by correctness, and opens the first image', async () => {
    vi.stubGlobal('fetch', runFetch({}));
    render(Gallery, { run: readyRun(tinyManifest) });
    const ids = () => screen.getAllByTestId('gallery-item').map((e) => e.getAttribute('data-image-id'));
    expect(ids()).toEqual(['a', 'b', 'c', 'd']);
    expect(screen.getByTestId('gallery-count').textContent).toBe('4 of 4');
    // The detail pane is never empty on a fresh run.
    expect(screen.getByTestId('image-detail').getAttribute('data-image-id')).toBe('a');

    // By hand from the manifest: a and c are right, b is wrong, d has no ground truth (neither).
    const filter = screen.getByTestId('filter-correct') as HTMLSelectElement;
    await fireEvent.change(filter, { target: { value: 'incorrect' } });
    expect(ids()).toEqual(['b']);
    expect(screen.getByTestId('gallery-count').textContent).toBe('1 of 4');
    await fireEvent.change(filter, { target: { value: 'correct' } });
    expect(ids()).toEqual(['a', 'c']);
  });

  it('opens the clicked image in the detail pane', async () => {
    vi.stubGlobal('fetch', runFetch({}));
    render(Gallery, { run: readyRun(tinyManifest) });
    const c = screen.getAllByTestId('gallery-item').find((e) => e.getAttribute('data-image-id') === 'c')!;
    await fireEvent.click(c);
    expect(screen.getByTestId('image-detail').getAttribute('data-image-id')).toBe('c');
    expect(screen.getByText('This image has no saved maps.')).toBeTruthy();
  });
});
