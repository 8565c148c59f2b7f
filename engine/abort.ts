// A controller that also aborts when its parent signal does. Each running step gets its own,
// so the run's signal holds one listener per running step, not one per step ever started.
export interface ChildController {
  signal: AbortSignal;
  abort(reason?: unknown): void;
  /** Detaches from the parent; call when the child's work is over. */
  dispose(): void;
}

export function childController(parent: AbortSignal): ChildController {
  const controller = new AbortController();
  const onAbort = () => controller.abort(parent.reason);
  if (parent.aborted) onAbort();
  else parent.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    abort: (reason) => controller.abort(reason),
    dispose: () => parent.removeEventListener('abort', onAbort),
  };
}

/** Resolves when the signal aborts (at once if it already has). */
export function whenAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
