'use client';
// React's view of the runs this tab drives: why the tab stopped driving one, if it did.
import { useSyncExternalStore } from 'react';
import { browserRunner } from './browser-runner';

export function useBrowserRunFailure(runId: string | undefined): string | undefined {
  return useSyncExternalStore(
    (listener) => browserRunner().subscribe(listener),
    () => (runId ? browserRunner().state(runId)?.failure : undefined),
    () => undefined,
  );
}

/** Why this tab's runner keeps artifacts in memory only (no IndexedDB), once it knows. */
export function useBrowserStorageNote(): string | undefined {
  return useSyncExternalStore(
    (listener) => browserRunner().subscribe(listener),
    () => browserRunner().storageNote(),
    () => undefined,
  );
}
