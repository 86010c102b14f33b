#!/usr/bin/env node
let cli;
try {
  cli = await import('../dist/cli.js');
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND') throw err;
  process.stderr.write(
    `camkit: error: not built (${String(err.message).split('\n')[0]}); run: pnpm --filter @camkit/node-runner... build\n`,
  );
  process.exit(1);
}
process.exitCode = await cli.main();
