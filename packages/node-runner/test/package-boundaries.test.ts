import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The dependency check of issue 11: a package reaches another only through its published exports.
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const packagesDir = join(repo, 'packages');
const SOURCE = /\.(ts|mts|mjs|js|cjs|svelte)$/;
// Test-only aliases (vitest.shared.ts, tsconfig.base.json paths) for test-support/.
const TEST_ALIASES = new Set(['@camkit/shared-fixture', '@camkit/test-arrays', '@camkit/arch-reference']);

interface Pkg {
  dir: string;
  name: string;
  deps: Set<string>;
  exports: Set<string>;
}

function packages(): Map<string, Pkg> {
  const out = new Map<string, Pkg>();
  for (const d of readdirSync(packagesDir)) {
    const file = join(packagesDir, d, 'package.json');
    if (!existsSync(file)) continue;
    const json = JSON.parse(readFileSync(file, 'utf8'));
    out.set(json.name, {
      dir: join(packagesDir, d),
      name: json.name,
      deps: new Set([...Object.keys(json.dependencies ?? {}), ...Object.keys(json.devDependencies ?? {})]),
      exports: new Set(Object.keys(json.exports ?? { '.': null })),
    });
  }
  return out;
}

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('dist') || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (SOURCE.test(e.name)) yield p;
  }
}

/** Module specifiers of static imports/exports, dynamic import(), require() and import.meta.resolve(). */
export function specifiers(code: string): string[] {
  const re =
    /(?:^|[^\w.])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[^\w.])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|import\.meta\.resolve\(\s*['"]([^'"]+)['"]\s*\)/gm;
  return [...code.matchAll(re)].map((m) => m.slice(1).find((s) => s != null) as string);
}

/** What is wrong with `spec` imported by `file` of `pkg` (null: nothing). */
export function violation(pkg: Pkg, file: string, spec: string, all: Map<string, Pkg>): string | null {
  if (spec.startsWith('.')) {
    const target = resolve(dirname(file), spec);
    const inside = target === pkg.dir || target.startsWith(pkg.dir + sep);
    // A package's own config files may read the repository's shared test settings.
    const configAtRoot = dirname(file) === pkg.dir && /config\.(ts|mts|js|mjs)$/.test(file);
    if (!inside && !(configAtRoot && relative(repo, target).startsWith('vitest.shared'))) {
      return `relative import '${spec}' leaves ${pkg.name}`;
    }
    return null;
  }
  const m = /^(@camkit\/[^/]+)(\/.*)?$/.exec(spec);
  if (!m) return null;
  const [, name, sub] = m as unknown as [string, string, string | undefined];
  if (TEST_ALIASES.has(name)) {
    return /[./](test|spec)\.ts$|\/test\//.test(file) ? null : `test-only alias '${name}' outside tests`;
  }
  if (name === pkg.name) return null;
  const target = all.get(name);
  if (!target) return `'${name}' is not a workspace package`;
  if (!pkg.deps.has(name)) return `'${name}' is not in ${pkg.name}'s dependencies`;
  const subpath = sub ? `.${sub}` : '.';
  const exported = [...target.exports].some(
    (e) => e === subpath || (e.endsWith('/*') && subpath.startsWith(e.slice(0, -1))),
  );
  return exported ? null : `'${spec}' is not in ${name}'s exports`;
}

describe('package boundaries', () => {
  const all = packages();

  it('every import of every package stays inside it or goes through a dependency’s published exports', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const pkg of all.values()) {
      for (const file of files(pkg.dir)) {
        if (file === fileURLToPath(import.meta.url)) continue; // its examples below are violations
        for (const spec of specifiers(readFileSync(file, 'utf8'))) {
          checked++;
          const v = violation(pkg, file, spec, all);
          if (v) problems.push(`${relative(repo, file)}: ${v}`);
        }
      }
    }
    expect(all.size).toBe(4);
    expect(checked).toBeGreaterThan(500); // the scan really read the tree
    expect(problems).toEqual([]);
  });

  it('flags each kind of crossing (so the scan above can fail)', () => {
    const viewer = all.get('@camkit/web-viewer') as Pkg;
    const runner = all.get('@camkit/node-runner') as Pkg;
    const inViewer = join(viewer.dir, 'src', 'lib', 'x.ts');
    const inRunner = join(runner.dir, 'src', 'x.ts');
    const code = [
      "import { a } from '../../../node-runner/src/cli.js';",
      "const b = await import('@camkit/kernels/src/training/index.js');",
      "export { c } from '@camkit/node-runner';",
      "import '@camkit/shared-fixture';",
      "import { d } from './fine.js';",
    ].join('\n');
    const found = specifiers(code);
    expect(found).toEqual([
      '../../../node-runner/src/cli.js',
      '@camkit/kernels/src/training/index.js',
      '@camkit/node-runner',
      '@camkit/shared-fixture',
      './fine.js',
    ]);
    expect(found.map((s) => violation(viewer, inViewer, s, all))).toEqual([
      "relative import '../../../node-runner/src/cli.js' leaves @camkit/web-viewer",
      "'@camkit/kernels/src/training/index.js' is not in @camkit/kernels's exports",
      "'@camkit/node-runner' is not in @camkit/web-viewer's dependencies",
      "test-only alias '@camkit/shared-fixture' outside tests",
      null,
    ]);
    // node-runner depends on web-viewer, through its published ./serve export.
    expect(violation(runner, inRunner, '@camkit/web-viewer/serve', all)).toBeNull();
  });
});
