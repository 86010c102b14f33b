/**
 * An `$effect` whose async work is cancelled when it re-runs or its owner is destroyed: `run`
 * gets a fresh AbortSignal each time and must read its reactive inputs before its first `await`
 * (that is what the effect tracks). The one cancellation mechanism of the viewer's loaders.
 * Call it where `$effect` may be called (component init, or a class constructed there).
 */
export function abortableEffect(run: (signal: AbortSignal) => Promise<unknown> | undefined): void {
  $effect(() => {
    const controller = new AbortController();
    run(controller.signal);
    return () => controller.abort();
  });
}
