'use client';
// Autosave: 800 ms after the last change (never mid-drag), a document that differs from the saved
// one and passes the document schema is saved as a new version, with a message saying what
// changed. `flush` saves at once and resolves to the saved version (null when saving failed or the
// document cannot be saved), so Run can be sure it runs what the canvas shows. Each save names the
// version it started from: the server merges it with saves made meanwhile, or refuses a clash.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { stableKey } from '../inspector/params-doc';
import { errorMessage, saveConflictOf } from '../trpc/error-message';
import { useTRPC, useTRPCClient } from '../trpc/trpc-context';
import { describeChange } from './change-summary';
import { isDirty, type EditorStore } from './editor-store';
import type { PipelineDoc, TypeIndex } from './editor-types';

export const AUTOSAVE_DELAY_MS = 800;

/** The schema library loads with the first save, not with the page. */
async function documentProblemOf(doc: PipelineDoc): Promise<string | null> {
  try {
    return (await import('./document-check')).documentProblem(doc);
  } catch {
    return 'the page could not load its document check; reload the page to save';
  }
}

interface AutosaveOptions {
  pipelineId: string;
  projectId: string;
  types: TypeIndex;
  /** Off for roles that cannot edit: their document never changes. */
  enabled: boolean;
}

export function useAutosave(store: EditorStore, { pipelineId, projectId, types, enabled }: AutosaveOptions) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const saveNow = useRef<(() => Promise<number | null>) | null>(null);
  // Set when the person chose "Leave without saving": the unmount must not save after all.
  const discarded = useRef(false);

  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Saves run one at a time, in order: two requests in flight could land out of order and leave
    // an older document as the newest version.
    let queue: Promise<unknown> = Promise.resolve();

    const afterSave = () => {
      // Marked stale without refetching: this page keeps its own document; the next visit (or the
      // project page) reads the new version.
      void queryClient.invalidateQueries({ queryKey: trpc.pipeline.versions.queryKey({ id: pipelineId }) });
      void queryClient.invalidateQueries({ queryKey: trpc.pipeline.get.queryKey({ id: pipelineId }), refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: trpc.project.get.queryKey({ id: projectId }), refetchType: 'none' });
    };

    const saveOnce = async (): Promise<number | null> => {
      const s = store.getState();
      if (!isDirty(s)) return s.save.version;
      // A clash with someone else's save waits for the person to settle it in the conflict dialog.
      if (s.save.conflict) return null;
      const doc = s.doc;
      const problem = await documentProblemOf(doc);
      if (problem) {
        store.setSave({ blocked: problem });
        return null;
      }
      if (stableKey(doc) === stableKey(s.save.savedDoc)) {
        // Changed and changed back: nothing new to store.
        store.setSave({ savedDoc: doc, blocked: null, note: null });
        return s.save.version;
      }
      const message = s.save.note ?? describeChange(s.save.savedDoc, doc, types);
      store.setSave({ saving: true, blocked: null });
      const version = await client.pipeline.save.mutate({ projectId, doc, baseVersion: s.save.version, message }).then(
        (result) => {
          // Merged with saves made meanwhile: the canvas takes the stored document.
          if (result.merged) store.adoptSaved(doc, result.merged.doc, result.version);
          store.setSave({ saving: false, error: null, version: result.version, ...(result.merged ? {} : { savedDoc: doc }), note: null });
          afterSave();
          return result.version;
        },
        (error: unknown) => {
          store.setSave({ saving: false, error: errorMessage(error), conflict: saveConflictOf(error) });
          return null;
        },
      );
      // Edits made while the request was out get their own save.
      if (version !== null && isDirty(store.getState()) && !store.getState().dragging) schedule();
      return version;
    };

    const save = (): Promise<number | null> => {
      clearTimeout(timer);
      const next = queue.then(saveOnce, saveOnce);
      queue = next;
      return next;
    };

    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    };

    let seenDoc = store.getState().doc;
    let seenDragging = store.getState().dragging;
    const unsubscribe = store.subscribe(() => {
      const s = store.getState();
      if (s.doc === seenDoc && s.dragging === seenDragging) return;
      seenDoc = s.doc;
      seenDragging = s.dragging;
      if (s.dragging) clearTimeout(timer);
      else if (isDirty(s)) schedule();
      else {
        clearTimeout(timer);
        if (s.save.blocked) store.setSave({ blocked: null });
      }
    });
    saveNow.current = save;
    return () => {
      unsubscribe();
      clearTimeout(timer);
      saveNow.current = null;
      // The page is going away inside the app (the browser's Back button, a link the leave guard
      // let through): a change still waiting for its pause is saved now rather than dropped. The
      // request outlives the component; a full unload is the leave guard's to ask about.
      if (!discarded.current && isDirty(store.getState()) && !store.getState().dragging) void save();
    };
  }, [store, enabled, client, queryClient, trpc, pipelineId, projectId, types]);

  const flush = useCallback((): Promise<number | null> => saveNow.current?.() ?? Promise.resolve(store.getState().save.version), [store]);
  const discard = useCallback(() => {
    discarded.current = true;
  }, []);
  return { flush, discard };
}
