import { type Command, Option } from 'commander';
import { BACKEND_CHOICES } from '../backend/select-backend.js';

/** Adds `--backend` to a command. */
export function addBackendOption(cmd: Command): Command {
  return cmd.addOption(
    new Option('--backend <name>', 'tfjs backend (auto: tfjs-node-gpu, tfjs-node, webgpu, wasm, cpu)')
      .choices(BACKEND_CHOICES as string[])
      .default('auto'),
  );
}
