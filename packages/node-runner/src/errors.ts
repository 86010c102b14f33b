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

/** First line of an error's message, for one-line reports of unexpected failures. */
export function oneLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0].trim() || (err instanceof Error ? err.name : 'unknown error');
}
