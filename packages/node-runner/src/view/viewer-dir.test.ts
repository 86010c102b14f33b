import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultViewerDir } from './viewer-dir.js';

describe('defaultViewerDir', () => {
  const saved = process.env.CAMKIT_VIEWER_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.CAMKIT_VIEWER_DIR;
    else process.env.CAMKIT_VIEWER_DIR = saved;
  });

  it("finds the viewer app through @camkit/web-viewer's ./dist export (built by the test setup)", () => {
    delete process.env.CAMKIT_VIEWER_DIR;
    const dir = defaultViewerDir();
    expect(dir).not.toBeNull();
    const html = readFileSync(join(dir!, 'index.html'), 'utf8');
    expect(html).toMatch(/<div id="app"|<script type="module"/);
    expect(existsSync(join(dir!, '..', 'package.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir!, '..', 'package.json'), 'utf8')).name).toBe(
      '@camkit/web-viewer',
    );
  });

  it('prefers CAMKIT_VIEWER_DIR', () => {
    process.env.CAMKIT_VIEWER_DIR = '/some/where';
    expect(defaultViewerDir()).toBe('/some/where');
  });
});
