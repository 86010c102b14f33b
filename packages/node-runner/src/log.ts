/** Where the CLI reports progress: stderr, so stdout stays for results (tables, paths). */
export interface Log {
  info(msg: string): void;
  warn(msg: string): void;
}

/** A Log on stderr; `quiet` silences info but never warnings. */
export function stderrLog(quiet = false): Log {
  return {
    info: (msg) => {
      if (!quiet) process.stderr.write(`${msg}\n`);
    },
    warn: (msg) => process.stderr.write(`warning: ${msg}\n`),
  };
}
