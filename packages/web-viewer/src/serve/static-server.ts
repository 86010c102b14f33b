import { realpathSync, statSync } from 'node:fs';
import {
  createServer,
  type IncomingMessage,
  STATUS_CODES,
  type Server,
  type ServerResponse,
} from 'node:http';
import { basename, dirname, join, sep } from 'node:path';
import send from 'send';

/** Where a URL prefix is served from. The first matching prefix wins, so list `/run/` before `/`. */
export interface Mount {
  prefix: string;
  dir: string;
}

/** A request URL's path, percent-decoded (no query, no fragment); null when it does not decode. */
function decodePath(rawPath: string): string | null {
  try {
    return decodeURIComponent(rawPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
}

/** The mount whose prefix a decoded request path falls under. */
function mountOf(mounts: readonly Mount[], path: string): Mount | undefined {
  return mounts.find((m) => path === m.prefix.replace(/\/$/, '') || path.startsWith(m.prefix));
}

/**
 * Maps a request path onto a file inside one of the mounts, or null when it would leave the mount:
 * `..` segments (raw or percent-encoded), NUL bytes, backslashes, and symlinks whose target lies
 * outside the mount's real path are all refused.
 */
export function resolveRequestPath(mounts: readonly Mount[], rawPath: string): string | null {
  const path = decodePath(rawPath);
  if (path === null || path.includes('\0') || path.includes('\\')) return null;
  const mount = mountOf(mounts, path);
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
 * Sends one resolved file with `send` (content type, ETag/Last-Modified and 304s, byte ranges,
 * HEAD). A file deleted or replaced after {@link resolveRequestPath} found it is a 404, and a read
 * error once the body has begun ends the connection (the client sees a short body): nothing here
 * throws or emits unhandled, so the server never crashes on a vanishing file.
 */
export function sendFile(req: IncomingMessage, res: ServerResponse, file: string): void {
  // The file is already confined and resolved: send serves exactly that name in its folder, so its
  // own root check only repeats ours and the folder's dot-names do not matter.
  const stream = send(req, `/${encodeURIComponent(basename(file))}`, {
    root: dirname(file),
    dotfiles: 'allow',
    index: false,
  });
  const fail = (status: number, headers: Record<string, string> = {}): void => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    // send has set the file's headers (length, type) already: they must not describe the error.
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    res.writeHead(status, { 'Content-Type': 'text/plain', ...headers }).end(`${STATUS_CODES[status]}\n`);
  };
  // Listening makes send hand every failure here instead of answering (or throwing) itself.
  stream.on('error', (err: { status?: number; headers?: Record<string, string> }) =>
    fail(err.status ?? 500, err.headers),
  );
  // The path turned into a folder since it was resolved.
  stream.on('directory', () => fail(404));
  stream.on('headers', () => {
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('X-Content-Type-Options', 'nosniff');
  });
  stream.pipe(res);
}

/**
 * A read-only request handler (GET/HEAD only) for the given mounts. Anything it cannot map to a
 * file inside a mount is a 404 (traversal attempts get 403). As middleware (vite's dev server)
 * pass `next`: a request under none of the mounts goes on to it instead of being answered here.
 *
 * The confinement is ours ({@link resolveRequestPath}); the serving is `send`'s. Not `sirv`: it
 * follows symlinks out of its root (a run dir may hold links to anywhere), and it pipes a read
 * stream with no error listener, so a file deleted between its lookup and its open crashes the
 * process.
 */
export function staticHandler(
  mounts: readonly Mount[],
): (req: IncomingMessage, res: ServerResponse, next?: () => void) => void {
  return (req, res, next) => {
    const raw = req.url ?? '/';
    const path = decodePath(raw);
    if (next && (path === null || !mountOf(mounts, path))) {
      next();
      return;
    }
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end('method not allowed\n');
      return;
    }
    const file = resolveRequestPath(mounts, raw);
    if (!file) {
      const suspicious =
        /(^|\/|%2f)(\.|%2e){2}(\/|%2f|$)/i.test(raw) || raw.includes('%00') || raw.includes('\\');
      res
        .writeHead(suspicious ? 403 : 404, { 'Content-Type': 'text/plain' })
        .end(suspicious ? 'forbidden\n' : 'not found\n');
      return;
    }
    sendFile(req, res, file);
  };
}

/** A server answering every request with {@link staticHandler} (what `camkit view` listens with). */
export function createStaticServer(mounts: readonly Mount[]): Server {
  return createServer(staticHandler(mounts));
}
