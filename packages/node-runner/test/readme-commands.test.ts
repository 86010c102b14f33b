// A cheap consistency check of the repository README's "two commands" against what they run:
// .ci/run, the root package.json scripts and the workspace packages' scripts. Runs nothing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const rootPkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  packageManager: string;
  scripts: Record<string, string>;
};

/** Workspace packages (pnpm-workspace.yaml: packages/*) by name: their directory and scripts. */
function workspacePackages(): Map<string, { dir: string; scripts: Record<string, string> }> {
  const out = new Map<string, { dir: string; scripts: Record<string, string> }>();
  for (const name of readdirSync(join(ROOT, 'packages'))) {
    const file = join(ROOT, 'packages', name, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8'));
    out.set(pkg.name, { dir: join(ROOT, 'packages', name), scripts: pkg.scripts ?? {} });
  }
  return out;
}

/**
 * The commands of the README's "## The two commands" section: each command line of its `sh`
 * block with the comment lines just above it.
 */
function twoCommands(): { comment: string; command: string }[] {
  const section = readme.split(/^## /m).find((s) => s.startsWith('The two commands'));
  if (!section) throw new Error("README.md has no '## The two commands' section");
  const block = section.match(/```sh\n([\s\S]*?)```/);
  if (!block) throw new Error("README.md's two-commands section has no ```sh block");
  const out: { comment: string; command: string }[] = [];
  let comment = '';
  for (const raw of block[1].split('\n')) {
    const line = raw.trim();
    if (!line) comment = '';
    else if (line.startsWith('#')) comment += `${line.slice(1).trim()} `;
    else {
      out.push({ comment: comment.trim(), command: line });
      comment = '';
    }
  }
  return out;
}

/** `a && b && c` → ['a', 'b', 'c']. */
const steps = (command: string) => command.split('&&').map((s) => s.trim().replace(/\s+/g, ' '));

const PNPM_BUILTINS = new Set(['install', 'i', 'add', 'remove', 'exec', 'dlx', 'store', 'why', 'list']);

/** `pnpm X` invocations in the given text: scripts of the root or, with --filter, of a package. */
function pnpmInvocations(text: string): { filter: string | null; script: string; text: string }[] {
  const out: { filter: string | null; script: string; text: string }[] = [];
  for (const m of text.matchAll(/\bpnpm((?:\s+--filter\s+\S+)?)\s+(?:run\s+)?([a-z][\w:-]*)/g)) {
    if (PNPM_BUILTINS.has(m[2])) continue;
    const filter = m[1].trim() ? m[1].trim().split(/\s+/)[1] : null;
    out.push({ filter, script: m[2], text: m[0] });
  }
  return out;
}

/** Code in the README: fenced blocks and inline `code` spans (where commands are written). */
function readmeCode(): string {
  const fenced = [...readme.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => m[1]);
  const rest = readme.replace(/```[a-z]*\n[\s\S]*?```/g, '');
  const inline = [...rest.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
  return [...fenced, ...inline].join('\n');
}

describe('README.md commands', () => {
  const commands = twoCommands();
  const demo = commands.find((c) => /main job/i.test(c.comment));
  const test = commands.find((c) => /every test/i.test(c.comment));

  it('has exactly two commands: the main job and every test', () => {
    expect(commands).toHaveLength(2);
    expect(demo, 'a command under a "main job" comment').toBeDefined();
    expect(test, 'a command under an "every test" comment').toBeDefined();
    expect(demo).not.toBe(test);
  });

  it("the test command is exactly what .ci/run runs, with the repository's pinned pnpm", () => {
    const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    const ciCommand = ci
      .split('\n')
      .map((l) => l.trim())
      .find((l) => /^npm install -g pnpm@/.test(l));
    expect(ciCommand, '.ci/run installs pnpm').toBeDefined();
    const [ciInstall, ...ciRest] = steps(ciCommand!);
    const [readmeInstall, ...readmeRest] = steps(test!.command);
    // What runs once pnpm is installed …
    expect(readmeRest).toEqual(ciRest);
    expect(readmeRest.at(-1)).toBe('pnpm test');
    // … and the pnpm both install is the one package.json pins.
    expect(readmeInstall).toBe(ciInstall);
    expect(readmeInstall).toBe(`npm install -g ${rootPkg.packageManager}`);
    // The demo installs the same way.
    expect(steps(demo!.command)[0]).toBe(readmeInstall);
  });

  it('every `pnpm <script>` in the README exists in the root package.json (or the filtered package)', () => {
    const packages = workspacePackages();
    const used = pnpmInvocations(readmeCode());
    expect(used.map((u) => u.script)).toEqual(expect.arrayContaining(['demo', 'test']));
    for (const u of used) {
      if (u.filter == null) {
        expect(Object.keys(rootPkg.scripts), `README: ${u.text}`).toContain(u.script);
      } else {
        expect([...packages.keys()], `README: ${u.text}`).toContain(u.filter);
        expect(Object.keys(packages.get(u.filter)!.scripts), `README: ${u.text}`).toContain(u.script);
      }
    }
  });

  it('every picture and local link of the README exists, and so does every script it runs with node', () => {
    const targets = [...readme.matchAll(/\]\(([^)\s#]+)\)/g)]
      .map((m) => m[1])
      .filter((t) => !/^[a-z]+:/.test(t));
    expect(targets).toEqual(
      expect.arrayContaining(['docs/viewer-demo.png', 'docs/photos/emotion-astronaut.png']),
    );
    for (const t of targets) expect(existsSync(join(ROOT, t)), `README links ${t}`).toBe(true);
    for (const m of readmeCode().matchAll(/\bnode\s+([\w./-]+\.(?:m?js|cjs))/g)) {
      expect(existsSync(join(ROOT, m[1])), `README runs node ${m[1]}`).toBe(true);
    }
  });

  it("the demo command's scripts exist in the packages it filters to, with the files they run", () => {
    const packages = workspacePackages();
    const script = steps(demo!.command)
      .at(-1)!
      .match(/^pnpm (?:run )?([\w:-]+)$/)?.[1];
    expect(script, `the demo command ends with a root script: ${demo!.command}`).toBeDefined();
    const body = rootPkg.scripts[script!];
    expect(body, `root package.json script '${script}'`).toBeDefined();
    const filtered = pnpmInvocations(body).filter((u) => u.filter != null);
    expect(filtered.length, `root script '${script}' runs package scripts: ${body}`).toBeGreaterThan(0);
    for (const u of filtered) {
      const pkg = packages.get(u.filter!);
      expect(pkg, `${u.text}: no workspace package ${u.filter}`).toBeDefined();
      const pkgScript = pkg!.scripts[u.script];
      expect(pkgScript, `${u.text}: ${u.filter} has no '${u.script}' script`).toBeDefined();
      // `node some/file.mjs` in that script: the file is there.
      for (const m of pkgScript.matchAll(/\bnode\s+([\w./-]+\.(?:m?js|cjs))/g)) {
        expect(existsSync(join(pkg!.dir, m[1])), `${u.filter} '${u.script}': ${m[1]}`).toBe(true);
      }
    }
  });
});
