import type { ChildProcess } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { camkit, errorLine, spawnCamkit, tmp } from './run-cli.js';

/** A raw GET: node's http keeps the path as written (fetch would normalise `..` away). */
function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (d) => {
        body += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('camkit view', () => {
  let child: ChildProcess;
  let port: number;
  let root: string;
  beforeAll(async () => {
    root = tmp();
    const viewer = join(root, 'viewer');
    const run = join(root, 'run');
    mkdirSync(join(viewer, 'assets'), { recursive: true });
    mkdirSync(join(run, 'img'), { recursive: true });
    writeFileSync(join(viewer, 'index.html'), '<!doctype html><title>viewer</title>');
    writeFileSync(join(viewer, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(run, 'manifest.json'), '{"version":1}');
    writeFileSync(join(run, 'img', 'c0.npy'), 'npy');
    writeFileSync(join(root, 'secret.txt'), 'SECRET');
    symlinkSync(join(root, 'secret.txt'), join(run, 'escape.txt'));
    symlinkSync(root, join(run, 'escape-dir'));
    symlinkSync(join(run, 'img', 'c0.npy'), join(run, 'inside-link.npy'));
    child = spawnCamkit(['view', run, '--port', '0', '--viewer-dir', viewer]);
    port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d) => {
        out += d;
        const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.on('close', (code) => reject(new Error(`view exited ${code}`)));
    });
  });
  afterAll(() => {
    child?.kill('SIGTERM');
  });

  it('serves the viewer at / and the run read-only under /run/', async () => {
    expect(await get(port, '/')).toMatchObject({ status: 200, body: expect.stringContaining('viewer') });
    expect((await get(port, '/assets/app.js')).status).toBe(200);
    expect(await get(port, '/run/manifest.json')).toEqual({ status: 200, body: '{"version":1}' });
    expect((await get(port, '/run/img/c0.npy')).status).toBe(200);
    expect((await get(port, '/run/inside-link.npy')).status).toBe(200);
    expect((await get(port, '/run/nope.json')).status).toBe(404);
  });

  it('refuses .., encoded %2e%2e, backslashes and symlinks leaving the run dir', async () => {
    const attempts = [
      '/run/../secret.txt',
      '/run/../../secret.txt',
      '/run/%2e%2e/secret.txt',
      '/run/%2E%2E/%2e%2e/secret.txt',
      '/run/img/..%2f..%2fsecret.txt',
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/run/..%5csecret.txt',
      '/run/escape.txt',
      '/run/escape-dir/secret.txt',
      '/run/manifest.json%00.png',
    ];
    for (const path of attempts) {
      const r = await get(port, path);
      expect([403, 404], path).toContain(r.status);
      expect(r.body, path).not.toContain('SECRET');
    }
    expect((await get(port, '/run/%2e%2e/secret.txt')).status).toBe(403);
  });

  it('says how to build the viewer when its dist is missing, and needs a manifest', async () => {
    const run = join(root, 'run');
    const r = await camkit(['view', run, '--viewer-dir', join(root, 'no-viewer')]);
    expect(errorLine(r)).toMatch(/web viewer is not built .*pnpm --filter @camkit\/web-viewer build/);
    const m = await camkit(['view', root, '--viewer-dir', join(root, 'viewer')]);
    expect(errorLine(m)).toMatch(/has no manifest\.json/);
  });
});
