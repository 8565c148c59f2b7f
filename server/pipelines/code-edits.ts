// Who may write code: a save or restore that adds a node carrying code, or changes the code of one,
// is refused unless the person's role may write code (scientists and admins). Checked against the
// document that would be stored (after any merge) and the latest stored one, so taking in someone
// else's code edit by merging is not an edit of one's own; removing code needs no right, and a
// new code node that keeps its default code writes none.
import { canonicalJSON } from '../../engine/canonical-json';
import type { PipelineDoc } from '../../engine/document';
import { UserError } from '../../engine/errors';
import type { NodeRegistry } from '../../engine/node-definition';

export interface CodeEdit {
  nodeId: string;
  param: string;
}

/** A save refused because it writes code its author's role may not write: a 403, not a 400. */
export class CodeEditRefusedError extends UserError {
  constructor(readonly edits: readonly CodeEdit[]) {
    const named = edits.slice(0, 3).map((e) => `"${e.nodeId}"`).join(', ') + (edits.length > 3 ? ` and ${edits.length - 3} more` : '');
    super(
      `Only scientists and admins may add or change code; this save changes the code of node${edits.length === 1 ? '' : 's'} ${named}. ` +
        'You can still run pipelines that contain code; ask a scientist to make the change.',
      { nodeId: edits[0]?.nodeId, field: edits[0]?.param },
    );
    this.name = 'CodeEditRefusedError';
  }
}

export function codeEdits(before: PipelineDoc | undefined, after: PipelineDoc, registry: NodeRegistry): CodeEdit[] {
  const edits: CodeEdit[] = [];
  const old = new Map((before?.nodes ?? []).map((n) => [n.id, n]));
  for (const node of after.nodes) {
    const def = registry.get(node.type, node.version);
    if (!def?.codeParams?.length) continue;
    // The node's default code is Pipeworks' own: a new node that keeps it writes no code.
    const defaults = def.params.safeParse({});
    const byDefault = (param: string) => (defaults.success ? (defaults.data as Record<string, unknown>)[param] : undefined);
    const was = old.get(node.id);
    const same = was && was.type === node.type && was.version === node.version ? was : undefined;
    for (const param of def.codeParams) {
      const now = node.params?.[param] ?? byDefault(param);
      const prev = same ? (same.params?.[param] ?? byDefault(param)) : byDefault(param);
      if (canonicalJSON(now ?? null) !== canonicalJSON(prev ?? null)) edits.push({ nodeId: node.id, param });
    }
  }
  return edits;
}
