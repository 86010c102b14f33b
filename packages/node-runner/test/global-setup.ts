// Tests run the real CLI entry (bin/camkit.js → dist/cli.js), and `camkit view` serves the built
// viewer: turbo builds this package and what it depends on (a cache hit when nothing changed; under
// `pnpm test` turbo has built them already).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  execFileSync(
    'pnpm',
    ['exec', 'turbo', 'run', 'build', '--filter=@camkit/node-runner...', '--output-logs=errors-only'],
    {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}
