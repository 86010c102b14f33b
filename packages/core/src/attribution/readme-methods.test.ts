// The core README's method table is the user's reference for conventions: it must list every
// method explain() accepts, and nothing else.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { METHODS } from './validate-input.js';

it('README.md has one row per method in METHODS', () => {
  const readme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Methods'));
  expect(section).toBeDefined();
  const rows = [...section!.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
  expect([...rows].sort()).toEqual([...METHODS].sort());
});
