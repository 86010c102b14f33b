import {
  type History,
  HistorySchema,
  type Manifest,
  type Metrics,
  MetricsSchema,
  parseManifest,
} from '@camkit/core';
import { runFileUrl } from './run-url.js';

/** A run as the viewer uses it: the manifest plus the optional history and metrics files. */
export interface LoadedRun {
  base: string;
  manifest: Manifest;
  history: History | null;
  metrics: Metrics | null;
  /** One line per optional file that exists but could not be used. */
  warnings: string[];
}

export type LoadRunResult = { ok: true; run: LoadedRun } | { ok: false; error: string };

type FetchLike = (url: string) => Promise<Pick<Response, 'ok' | 'status' | 'text'>>;

async function fetchText(
  fetchFn: FetchLike,
  url: string,
): Promise<{ text: string } | { status: number | null; reason: string }> {
  try {
    const res = await fetchFn(url);
    if (!res.ok) return { status: res.status, reason: `HTTP ${res.status}` };
    return { text: await res.text() };
  } catch (e) {
    return { status: null, reason: e instanceof Error ? e.message : String(e) };
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: (e instanceof Error ? e.message : String(e)).split('\n')[0] };
  }
}

/**
 * Fetch and validate a run. Never throws: a missing or malformed manifest comes back as a one-line
 * error the page shows. History and metrics are fetched only when the manifest names them; one
 * that is named but missing or malformed is null with a warning.
 */
export async function loadRun(base: string, fetchFn: FetchLike = fetch): Promise<LoadRunResult> {
  const manifestUrl = runFileUrl(base, 'manifest.json');
  const got = await fetchText(fetchFn, manifestUrl);
  if (!('text' in got)) {
    return { ok: false, error: `Could not load the run manifest ${manifestUrl} (${got.reason}).` };
  }
  const json = parseJson(got.text);
  if (!json.ok) return { ok: false, error: `manifest.json is not valid JSON: ${json.error}` };
  const parsed = parseManifest(json.value);
  if (!parsed.ok) return { ok: false, error: `manifest.json: ${parsed.error}` };

  const warnings: string[] = [];
  const optional = async <T>(
    name: string | null,
    schema: {
      safeParse(
        v: unknown,
      ):
        | { success: true; data: T }
        | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
    },
  ): Promise<T | null> => {
    // Only what the manifest names: a run without history or metrics costs no failed request.
    if (name === null) return null;
    const r = await fetchText(fetchFn, runFileUrl(base, name));
    if (!('text' in r)) {
      // The manifest says the file exists, so its absence is worth a line.
      warnings.push(`${name}: ${r.reason}`);
      return null;
    }
    const j = parseJson(r.text);
    if (!j.ok) {
      warnings.push(`${name} is not valid JSON: ${j.error}`);
      return null;
    }
    const s = schema.safeParse(j.value);
    if (!s.success) {
      const first = s.error.issues[0];
      const where = first?.path.length ? first.path.map(String).join('.') : '(root)';
      warnings.push(`${name}: invalid at ${where}: ${first?.message ?? 'unknown error'}`);
      return null;
    }
    return s.data;
  };
  const [history, metrics] = await Promise.all([
    optional<History>(parsed.manifest.history, HistorySchema),
    optional<Metrics>(parsed.manifest.metrics, MetricsSchema),
  ]);
  return { ok: true, run: { base, manifest: parsed.manifest, history, metrics, warnings } };
}
