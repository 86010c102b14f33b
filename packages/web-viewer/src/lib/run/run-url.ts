/**
 * Where the run lives. `camkit view` serves it under `/run/`; `?run=<url>` points elsewhere
 * (another server, or a relative folder). Always ends with '/' so relative paths join cleanly.
 */
export function resolveRunBase(search: string, pageUrl: string): string {
  const param = new URLSearchParams(search).get('run');
  const raw = param && param.trim() !== '' ? param.trim() : '/run/';
  const url = new URL(raw, pageUrl);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** URL of a run-relative path (manifest paths use POSIX separators). */
export function runFileUrl(base: string, relPath: string): string {
  const clean = relPath.replace(/\\/g, '/').replace(/^\.\//, '');
  return new URL(clean.split('/').map(encodeURIComponent).join('/'), base).href;
}
