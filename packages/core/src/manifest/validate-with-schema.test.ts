import { describe, expect, it } from 'vitest';
import { CamkitError } from '../errors.js';
import { ManifestSchema, MetricsSchema, parseManifest } from './schema.js';
import { validateWithSchema } from './validate-with-schema.js';

const metrics = (pointingGame: number | null) => ({
  version: 1,
  models: [{ model: 'm', classNames: ['a'], accuracy: 1, confusion: [[1]], count: 1 }],
  methods: [
    {
      method: 'gradcam',
      model: 'm',
      pointingGame,
      localizationError: {},
      meanIoU: {},
      deletionAuc: null,
      insertionAuc: null,
    },
  ],
});

describe('validateWithSchema', () => {
  it('returns the parsed value when it matches', () => {
    expect(validateWithSchema(MetricsSchema, metrics(0.5), 'metrics.json').methods[0].pointingGame).toBe(0.5);
  });

  it('turns a NaN metric into one line naming the file and the field', () => {
    let err: unknown;
    try {
      validateWithSchema(MetricsSchema, metrics(Number.NaN), 'runs/x/metrics.json');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CamkitError);
    const msg = (err as Error).message;
    expect(msg).not.toContain('\n');
    expect(msg.startsWith('runs/x/metrics.json: invalid methods.0.pointingGame: ')).toBe(true);
    expect(msg).toMatch(/NaN/);
  });

  it('counts the further problems instead of dumping them', () => {
    const bad = { ...metrics(1), version: 2, models: 'no' };
    expect(() => validateWithSchema(MetricsSchema, bad, 'metrics.json')).toThrow(
      /^metrics\.json: invalid version: .* \(and 1 more\)$/,
    );
  });

  it('reports a wrong manifest the same way through parseManifest', () => {
    const r = parseManifest({ version: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^invalid manifest at createdAt: [^\n]+$/);
    expect(() => validateWithSchema(ManifestSchema, [], 'manifest.json')).toThrow(
      /^manifest\.json: invalid \(root\): /,
    );
  });
});
