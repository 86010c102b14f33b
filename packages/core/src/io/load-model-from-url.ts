import type { GraphModel } from '@tensorflow/tfjs-converter';
import type * as tfl from '@tensorflow/tfjs-layers';
import { CamkitError } from '../errors.js';
import { modelFromArtifacts, oneLine, parseModelJson, weightPaths } from './model-from-artifacts.js';

/** Options for {@link loadModelFromUrl}. */
export interface LoadModelFromUrlOptions {
  /** The fetch to use (default `globalThis.fetch`); pass one to add headers or credentials. */
  fetch?: typeof fetch;
}

/**
 * Loads a tfjs model (`model.json` + weight files; Layers or graph model, as its `format` says)
 * over HTTP with `fetch`. Weight paths
 * in the manifest are resolved against the model URL, as tfjs does; a relative URL is resolved
 * against the page (`location.href`).
 */
export async function loadModelFromUrl(
  url: string,
  opts: LoadModelFromUrlOptions = {},
): Promise<tfl.LayersModel | GraphModel> {
  const doFetch = opts.fetch ?? globalThis.fetch;
  if (typeof doFetch !== 'function') throw new CamkitError('loadModelFromUrl: no fetch available');
  const base = (globalThis as { location?: { href?: string } }).location?.href;
  let modelUrl: URL;
  try {
    modelUrl = base === undefined ? new URL(url) : new URL(url, base);
  } catch {
    throw new CamkitError(`loadModelFromUrl: '${url}' is not an absolute URL`);
  }
  const jsonText = await fetchBytes(doFetch, modelUrl.href).then((b) => new TextDecoder().decode(b));
  const json = parseModelJson(jsonText, modelUrl.href);
  const weights = await Promise.all(
    weightPaths(json).map((p) => fetchBytes(doFetch, new URL(p, modelUrl).href)),
  );
  return modelFromArtifacts(json, weights, modelUrl.href);
}

async function fetchBytes(doFetch: typeof fetch, href: string): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await doFetch(href);
  } catch (e) {
    throw new CamkitError(`cannot fetch ${href}: ${oneLine(e)}`);
  }
  if (!res.ok) throw new CamkitError(`cannot fetch ${href}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}
