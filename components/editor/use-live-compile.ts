'use client';
// Live compile: ~300 ms after the document changes, the server compiles it as it stands (unsaved)
// and the issues and upstream columns it reports go into the editor store. Moves alone are
// skipped: positions never change a plan. A reply to an older request never overwrites a newer one.
import { useEffect } from 'react';
import { unpackColumns, type DocColumns, type PackedColumns } from '../../engine/columns';
import { useTRPCClient } from '../trpc/trpc-context';
import type { EditorStore } from './editor-store';
import type { PipelineDoc } from './editor-types';

export const COMPILE_DELAY_MS = 300;

/** What compile depends on: everything but positions. */
function compileKey(doc: PipelineDoc): string {
  return JSON.stringify({ ...doc, nodes: doc.nodes.map(({ position: _p, ...rest }) => rest) });
}

/** `columns` arrives packed (engine/columns.ts PackedColumns); absent until the server sends it. */
export function readColumns(result: object): DocColumns | undefined {
  if (!('columns' in result)) return undefined;
  const packed = result.columns;
  if (!packed || typeof packed !== 'object' || !('lists' in packed) || !('nodes' in packed)) return undefined;
  return unpackColumns(packed as PackedColumns);
}

export function useLiveCompile(store: EditorStore, enabled: boolean) {
  const client = useTRPCClient();
  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let latest = 0;
    let seenDoc = store.getState().doc;
    let compiledKey = compileKey(seenDoc);
    const unsubscribe = store.subscribe(() => {
      const { doc } = store.getState();
      if (doc === seenDoc) return;
      seenDoc = doc;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const key = compileKey(doc);
        if (key === compiledKey) return;
        compiledKey = key;
        const request = ++latest;
        client.pipeline.compile.mutate({ doc }).then(
          (result) => {
            if (request === latest) store.setCompiled({ issues: result.issues, columns: readColumns(result) });
          },
          () => {
            // Unreachable server: the save status says so; check again on the next change.
            if (request === latest) compiledKey = '';
          },
        );
      }, COMPILE_DELAY_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
      latest++;
    };
  }, [store, enabled, client]);
}
