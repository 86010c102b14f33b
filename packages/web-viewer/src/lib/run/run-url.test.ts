import { describe, expect, it } from 'vitest';
import { resolveRunBase, runFileUrl } from './run-url.js';

describe('resolveRunBase', () => {
  it('defaults to /run/ on the page origin', () => {
    expect(resolveRunBase('', 'http://h:1/index.html')).toBe('http://h:1/run/');
  });
  it('takes ?run= and adds the trailing slash', () => {
    expect(resolveRunBase('?run=http://x/runs/a', 'http://h:1/')).toBe('http://x/runs/a/');
    expect(resolveRunBase('?run=other', 'http://h:1/app/')).toBe('http://h:1/app/other/');
  });
});

describe('runFileUrl', () => {
  it('joins relative POSIX paths under the base and escapes odd names', () => {
    expect(runFileUrl('http://h/run/', 'img 1/cam.npy')).toBe('http://h/run/img%201/cam.npy');
    expect(runFileUrl('http://h/run/', './a\\b.png')).toBe('http://h/run/a/b.png');
  });
});
