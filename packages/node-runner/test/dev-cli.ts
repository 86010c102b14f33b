// Runs the CLI from source (tsx --conditions=@camkit/source test/dev-cli.ts ...), for development.
import { main } from '../src/cli.js';

process.exitCode = await main();
