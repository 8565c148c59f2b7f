// Whether a document can be saved at all: the server's own validation (engine/document.ts, pure
// and isomorphic), run in the browser so autosave never sends something it would reject.
import { parseDocument } from '../../engine/document';
import type { PipelineDoc } from './editor-types';

/** The first problem that stops the document being saved, or null. */
export function documentProblem(doc: PipelineDoc): string | null {
  const parsed = parseDocument(doc);
  return parsed.ok ? null : (parsed.error[0]?.message ?? 'The pipeline document is not valid');
}
