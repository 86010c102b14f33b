#!/usr/bin/env node
// Loads the built CLI. Only a missing dist/cli.js means "not built"; any other load failure (a
// dependency that is absent, a native addon such as sharp's libvips that cannot load) is reported
// as what it is, on one line, with its stack behind CAMKIT_DEBUG=1.
const entry = new URL('../dist/cli.js', import.meta.url);
let cli;
try {
  cli = await import(entry.href);
} catch (err) {
  const first = String(err?.message ?? err).split('\n')[0];
  const missingEntry = err?.code === 'ERR_MODULE_NOT_FOUND' && first.includes(entry.pathname);
  if (missingEntry) {
    process.stderr.write(`camkit: error: not built (${first}); run: pnpm build\n`);
  } else {
    process.stderr.write(
      `camkit: error: cannot load the CLI: ${first} (check the install; set CAMKIT_DEBUG=1 for the stack)\n`,
    );
    if (process.env.CAMKIT_DEBUG) process.stderr.write(`${err?.stack ?? err}\n`);
  }
  process.exit(1);
}
process.exitCode = await cli.main();
