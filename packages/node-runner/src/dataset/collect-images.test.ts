import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectImages, trueClasses } from './collect-images.js';

function tree(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'camkit-collect-'));
  for (const f of files) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), '');
  }
  return root;
}

describe('collectImages', () => {
  it('a flat folder: its image files, sorted, class unknown', () => {
    const root = tree(['b.png', 'a.jpg', 'notes.txt', '.hidden.png']);
    expect(collectImages([root])).toEqual([
      { file: join(root, 'a.jpg'), className: null },
      { file: join(root, 'b.png'), className: null },
    ]);
  });

  it('a folder of class folders: every image with its folder as the class', () => {
    const root = tree(['test/dog/2.png', 'test/cat/1.png', 'test/cat/0.png', 'test/cat/x.txt']);
    expect(collectImages([join(root, 'test')])).toEqual([
      { file: join(root, 'test/cat/0.png'), className: 'cat' },
      { file: join(root, 'test/cat/1.png'), className: 'cat' },
      { file: join(root, 'test/dog/2.png'), className: 'dog' },
    ]);
  });

  it('maps class folders to model indices and refuses an unknown one', () => {
    const root = tree(['t/cat/0.png', 't/dog/1.png']);
    const found = collectImages([join(root, 't'), join(root, 't/cat/0.png')]);
    expect(trueClasses(found, ['dog', 'cat'])).toEqual([1, 0, null]);
    expect(() => trueClasses(found, ['cat', 'bird'])).toThrow(
      /class folder 'dog', which is not one of the model's classes/,
    );
  });

  it('names the option and path when nothing is found', () => {
    const root = tree(['empty/readme.txt']);
    expect(() => collectImages([join(root, 'empty')])).toThrow(/--images .*empty: no image files/);
    expect(() => collectImages([join(root, 'nope')])).toThrow(/no such file or directory/);
  });
});
