import { describeZodError } from '@camkit/core';
import { ZodError } from 'zod';

/**
 * A user-facing CLI error: the message is one line naming the file or option at fault. The
 * top-level handler prints it without a stack. Errors named 'CamkitError' (thrown by @camkit/core)
 * get the same treatment.
 */
export class CliError extends Error {
  override name = 'CamkitError';
}

/** True for errors whose message is meant for the user as is. */
export function isUserError(err: unknown): err is Error {
  return err instanceof Error && (err.name === 'CamkitError' || err instanceof CliError);
}

/**
 * First line of an error's message, for one-line reports of unexpected failures. A zod error's
 * message is a JSON dump starting with `[`: it becomes its first issue, `field.path: message`.
 */
export function oneLine(err: unknown): string {
  if (err instanceof ZodError) return `invalid data: ${describeZodError(err)}`;
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0].trim() || (err instanceof Error ? err.name : 'unknown error');
}
