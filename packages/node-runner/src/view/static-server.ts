import { realpathSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createServer, type ServerResponse, type Server } from 'node:http';
import { extname, join, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.npy': 'application/octet-stream',
  '.bin': 'application/octet-stream',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Where a URL prefix is served from. The first matching prefix wins, so list `/run/` before `/`. */
export interface Mount {
  prefix: string;
  dir: string;
}

/**
 * Maps a request path onto a file inside one of the mounts, or null when it would leave the mount:
 * `..` segments (raw or percent-encoded), NUL bytes, backslashes, and symlinks whose target lies
 * outside the mount's real path are all refused.
 */
export function resolveRequestPath(mounts: readonly Mount[], rawPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(rawPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const mount = mounts.find((m) => path === m.prefix.replace(/\/$/, '') || path.startsWith(m.prefix));
  if (!mount) return null;
  const rest = path.slice(mount.prefix.length);
  const parts = rest.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) return null;
  let root: string;
  try {
    root = realpathSync(mount.dir);
  } catch {
    return null;
  }
  let file = join(root, ...parts);
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    const real = realpathSync(file);
    if (real !== root && !real.startsWith(root + sep)) return null;
    return statSync(real).isFile() ? real : null;
  } catch {
    return null;
  }
}

/**
 * Sends one resolved file. The file is opened once and its size and bytes come from that handle,
 * so a file deleted or replaced after {@link resolveRequestPath} found it is a 404 (or the bytes
 * the handle still holds), never a crash of the server: nothing here throws or emits unhandled.
 */
export async function sendFile(res: ServerResponse, file: string, method: 'GET' | 'HEAD'): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>>;
  let size: number;
  try {
    handle = await open(file, 'r');
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
    return;
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    await handle.close().catch(() => {});
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
    return;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (method === 'HEAD') {
    await handle.close().catch(() => {});
    res.end();
    return;
  }
  const stream = handle.createReadStream({ autoClose: true });
  // A read error mid-body (the disk, a truncated file) can no longer become a status code: end the
  // connection so the client sees a short body instead of the server dying on an 'error' event.
  stream.on('error', () => res.destroy());
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}

/**
 * A read-only static file server (GET/HEAD only) for the given mounts. Anything it cannot map to a
 * file inside a mount is a 404 (traversal attempts get 403).
 *
 * Hand-rolled rather than `sirv`: sirv follows symlinks out of its root (a run dir may hold links
 * to anywhere), and confining every served file to its mount's real path is the point here.
 */
export function createStaticServer(mounts: readonly Mount[]): Server {
  return createServer((req, res) => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end('method not allowed\n');
      return;
    }
    const raw = req.url ?? '/';
    const file = resolveRequestPath(mounts, raw);
    if (!file) {
      const suspicious =
        /(^|\/|%2f)(\.|%2e){2}(\/|%2f|$)/i.test(raw) || raw.includes('%00') || raw.includes('\\');
      res
        .writeHead(suspicious ? 403 : 404, { 'Content-Type': 'text/plain' })
        .end(suspicious ? 'forbidden\n' : 'not found\n');
      return;
    }
    void sendFile(res, file, method);
  });
}
