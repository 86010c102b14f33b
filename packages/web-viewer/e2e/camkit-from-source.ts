// Runs the camkit CLI's `main` from source (tsx), for when node-runner has not been built yet.
import { main } from '../../node-runner/src/cli.js';

process.exitCode = await main(['node', 'camkit', ...process.argv.slice(2)]);
