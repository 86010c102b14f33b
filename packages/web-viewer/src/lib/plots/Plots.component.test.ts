import type { History, Metrics } from '@camkit/core';
import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { tinyManifest } from '../run/test-manifest.js';
import { readyRun } from '../run/test-run.js';
import Plots from './Plots.svelte';

// Hand-written: three epochs with validation, two scored methods, one with curves.
const history: History = {
  epochs: [0, 1, 2].map((epoch) => ({
    epoch,
    loss: 1 - epoch * 0.2,
    accuracy: 0.5 + epoch * 0.1,
    valLoss: 1.1 - epoch * 0.2,
    valAccuracy: 0.4 + epoch * 0.1,
    seconds: 1,
  })),
};
const method = (name: string, curves: boolean) => ({
  method: name,
  model: 'camnet',
  pointingGame: 0.5,
  localizationError: { '0.2': 0.25 },
  meanIoU: { '0.2': 0.6 },
  deletionAuc: 0.3,
  insertionAuc: 0.7,
  ...(curves ? { deletionCurve: [0.9, 0.5, 0.1], insertionCurve: [0.1, 0.5, 0.9] } : {}),
});
const metrics: Metrics = {
  version: 1,
  models: [
    {
      model: 'camnet',
      classNames: ['circle', 'square', 'triangle'],
      accuracy: 0.6,
      confusion: [
        [3, 1, 0],
        [0, 2, 2],
        [1, 0, 1],
      ],
      count: 10,
    },
  ],
  methods: [method('cam', true), method('gradcam', false)],
};

/** Points of an SVG path "M x y L x y ...". */
const points = (d: string | null) => (d ?? '').split(/[ML]/).filter((s) => s.trim()).length;

describe('Plots', () => {
  it('draws one point per epoch, the confusion matrix, the metrics table and the curves', () => {
    render(Plots, { run: readyRun(tinyManifest, { history, metrics }) });
    const loss = within(screen.getByTestId('loss-chart')).getAllByTestId('series-path');
    // Train and validation, each with one point per epoch.
    expect(loss.map((p) => points(p.getAttribute('d')))).toEqual([3, 3]);
    expect(within(screen.getByTestId('accuracy-chart')).getAllByTestId('series-path')).toHaveLength(2);

    const cells = within(screen.getByTestId('confusion-matrix'))
      .getAllByRole('cell')
      .map((c) => Number(c.textContent));
    expect(cells.reduce((a, b) => a + b, 0)).toBe(10);

    expect(within(screen.getByTestId('metrics-table')).getAllByRole('row')).toHaveLength(1 + 2);
    // Only cam has curves: one series in each chart, three points.
    const del = within(screen.getByTestId('deletion-chart')).getAllByTestId('series-path');
    expect(del.map((p) => points(p.getAttribute('d')))).toEqual([3]);
    expect(screen.getByTestId('insertion-chart')).toBeTruthy();
  });

  it('says what is missing when the run has no history or metrics', () => {
    render(Plots, { run: readyRun(tinyManifest) });
    expect(screen.getByText(/No history.json in this run/)).toBeTruthy();
    expect(screen.getByText('No metrics.json in this run.')).toBeTruthy();
    expect(screen.queryByTestId('metrics-table')).toBeNull();
  });
});
