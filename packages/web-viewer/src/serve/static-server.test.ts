import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createStaticServer, sendFile, staticHandler } from './static-server.js';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

/** GET a path; calls `onHeaders` once the status line is in, before the body is read. */
function fetchRaw(
  port: number,
  path: string,
  onHeaders: () => void = () => {},
): Promise<{ status: number; length: number; declared: number }> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path }, (res) => {
      onHeaders();
      let length = 0;
      res.on('data', (d: Buffer) => {
        length += d.length;
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          length,
          declared: Number(res.headers['content-length'] ?? -1),
        }),
      );
      res.on('error', reject);
    }).on('error', reject);
  });
}

describe('static server when files disappear', () => {
  const servers: Server[] = [];
  afterEach(() => {
    for (const s of servers.splice(0)) s.close();
  });

  it('answers 404 for a file that vanished after it was resolved, and keeps serving', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'camkit-static-'));
    writeFileSync(join(dir, 'kept.txt'), 'kept');
    const server = createServer((req, res) => {
      // The race in one step: the path was resolved a moment ago, the file is gone now.
      sendFile(req, res, join(dir, req.url === '/gone' ? 'gone.txt' : 'kept.txt'));
    });
    servers.push(server);
    const port = await listen(server);
    expect((await fetchRaw(port, '/gone')).status).toBe(404);
    expect(await fetchRaw(port, '/kept')).toMatchObject({ status: 200, length: 4 });
  });

  it('answers 404 for a path that became a directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'camkit-static-'));
    mkdirSync(join(dir, 'was-a-file'));
    const server = createServer((req, res) => sendFile(req, res, join(dir, 'was-a-file')));
    servers.push(server);
    expect((await fetchRaw(await listen(server), '/')).status).toBe(404);
  });

  it('finishes a body whose file is deleted while it streams, then 404s it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'camkit-static-'));
    const size = 8 * 1024 * 1024;
    writeFileSync(join(dir, 'big.bin'), Buffer.alloc(size, 7));
    const server = createStaticServer([{ prefix: '/', dir }]);
    servers.push(server);
    const port = await listen(server);
    const r = await fetchRaw(port, '/big.bin', () => rmSync(join(dir, 'big.bin')));
    expect(r).toEqual({ status: 200, length: size, declared: size });
    expect((await fetchRaw(port, '/big.bin')).status).toBe(404);
  });
});

describe('static server protocol', () => {
  it('answers byte ranges and revalidation from the file itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'camkit-static-'));
    writeFileSync(join(dir, 'a.txt'), '0123456789');
    const server = createStaticServer([{ prefix: '/', dir }]);
    const port = await listen(server);
    const request = (headers: Record<string, string>) =>
      new Promise<{ status: number; body: string; etag?: string; type?: string }>((resolve, reject) => {
        get({ host: '127.0.0.1', port, path: '/a.txt', headers }, (res) => {
          let body = '';
          res.on('data', (d: Buffer) => {
            body += d.toString();
          });
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body,
              etag: res.headers.etag,
              type: res.headers['content-type'],
            }),
          );
        }).on('error', reject);
      });
    try {
      const full = await request({});
      expect(full).toMatchObject({ status: 200, body: '0123456789', type: 'text/plain; charset=utf-8' });
      expect(await request({ range: 'bytes=2-4' })).toMatchObject({ status: 206, body: '234' });
      expect((await request({ 'if-none-match': full.etag! })).status).toBe(304);
      expect((await request({ range: 'bytes=50-60' })).status).toBe(416);
    } finally {
      server.close();
    }
  });
});

describe('static handler as middleware', () => {
  it('hands requests outside its mounts to next and answers those inside, misses included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'camkit-static-'));
    writeFileSync(join(dir, 'manifest.json'), '{}');
    const handle = staticHandler([{ prefix: '/run/', dir }]);
    const server = createServer((req, res) =>
      handle(req, res, () => res.writeHead(200, { 'Content-Type': 'text/plain' }).end('next')),
    );
    const port = await listen(server);
    try {
      expect(await fetchRaw(port, '/run/manifest.json')).toMatchObject({ status: 200, length: 2 });
      expect((await fetchRaw(port, '/run/missing.json')).status).toBe(404);
      expect((await fetchRaw(port, '/run/../package.json')).status).toBe(403);
      expect(await fetchRaw(port, '/index.html')).toMatchObject({ status: 200, length: 4 });
      expect(await fetchRaw(port, '/runner')).toMatchObject({ status: 200, length: 4 });
    } finally {
      server.close();
    }
  });
});
