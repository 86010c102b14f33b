import { type Command, Option } from 'commander';
import { BACKEND_CHOICES } from '../backend/select-backend.js';
import { int } from './arg-parsers.js';

/** Adds `--backend` and `--threads` to a command. */
export function addBackendOption(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('--backend <name>', 'tfjs backend (auto: tfjs-node-gpu, tfjs-node, webgpu, wasm, cpu)')
        .choices(BACKEND_CHOICES as string[])
        .default('auto'),
    )
    .addOption(
      new Option(
        '--threads <n>',
        "XNNPACK threads of the wasm backend (default 1: camkit's own kernels run on one thread, see the README)",
      ).argParser(int(1)),
    );
}
