// Delivers execute's events one at a time, in the order they were emitted, even when steps run
// concurrently: each delivery waits for the one before. After a delivery fails nothing more is
// delivered, because events past a lost one would describe a run the store never saw.
export interface EventQueue<E> {
  /** Queues the event; resolves once it (and all before it) were delivered or dropped. Never rejects. */
  emit(event: E): Promise<void>;
  /** Resolves when everything queued so far was handled. */
  drain(): Promise<void>;
  /** The first delivery error, if any. */
  failure(): { error: unknown } | undefined;
}

export function createEventQueue<E>(
  deliver: (event: E) => void | Promise<void>,
  onFailure: (error: unknown) => void = () => {},
): EventQueue<E> {
  let tail: Promise<void> = Promise.resolve();
  let failed: { error: unknown } | undefined;
  return {
    emit(event) {
      tail = tail.then(async () => {
        if (failed) return;
        try {
          await deliver(event);
        } catch (error) {
          failed = { error };
          onFailure(error);
        }
      });
      return tail;
    },
    drain: () => tail,
    failure: () => failed,
  };
}
