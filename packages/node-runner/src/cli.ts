import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { demoCommand } from './commands/demo.js';
import { evaluateCommand } from './commands/evaluate.js';
import { explainCommand } from './commands/explain.js';
import { importKerasCommand } from './commands/import-keras.js';
import { inspectCommand } from './commands/inspect.js';
import { trainCommand } from './commands/train.js';
import { viewCommand } from './commands/view.js';
import { isUserError, oneLine } from './errors.js';
import { type Log, stderrLog } from './log.js';

function packageVersion(): string {
  try {
    // src/ and dist/ both sit one level below package.json.
    return JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

/** Builds the `camkit` program (exported so tests and the bench can inspect it). */
export function buildProgram(): Command {
  const program = new Command('camkit')
    .description('Train CNN classifiers and explain them with class activation maps (CAM, Grad-CAM, ...).')
    .version(packageVersion(), '-V, --version')
    .option('-q, --quiet', 'only warnings and results')
    .exitOverride();
  const log = (): Log => stderrLog(Boolean(program.opts().quiet));
  program.addCommand(trainCommand(log));
  program.addCommand(explainCommand(log));
  program.addCommand(evaluateCommand(log));
  program.addCommand(demoCommand(log));
  program.addCommand(viewCommand(log));
  program.addCommand(importKerasCommand(log));
  program.addCommand(inspectCommand(log));
  for (const cmd of [program, ...program.commands]) {
    cmd.exitOverride();
    // Usage errors (missing or bad options) read like every other camkit error: one line.
    const where = cmd === program ? 'camkit' : `camkit ${cmd.name()}`;
    cmd.configureOutput({
      outputError: (str, write) =>
        write(`camkit: error: ${str.trim().replace(/^error: /, '')} (${where} --help for usage)\n`),
    });
  }
  return program;
}

/**
 * Runs the CLI: every failure becomes one line on stderr (no stack traces), exit code 2 for usage
 * errors (a missing or malformed option, an unknown command) and 1 for everything else.
 */
export async function main(argv: string[] = process.argv): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Commander already printed its one-line message (or the help text).
      return err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version'
        ? 0
        : 2;
    }
    if (isUserError(err)) process.stderr.write(`camkit: error: ${oneLine(err)}\n`);
    else {
      process.stderr.write(`camkit: internal error: ${oneLine(err)} (set CAMKIT_DEBUG=1 for the stack)\n`);
      if (process.env.CAMKIT_DEBUG) process.stderr.write(`${(err as Error)?.stack}\n`);
    }
    return 1;
  }
}
