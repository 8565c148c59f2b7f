'use client';
// The issue list above the canvas, fed by the live compile of the working document.
import { IssueList } from '../pipeline/IssueList';
import { useEditor } from './EditorContext';
import { displayName, type TypeIndex } from './editor-types';
import { sameLabels } from './node-equality';

export function LiveIssueList({ types, onSelectNode }: { types: TypeIndex; onSelectNode: (id: string) => void }) {
  const issues = useEditor((s) => s.compiled.issues);
  const nodes = useEditor((s) => s.doc.nodes, sameLabels);
  const nodeLabel = (id: string) => {
    const node = nodes.find((n) => n.id === id);
    return node ? displayName(node, types) : id;
  };
  return <IssueList issues={issues} nodeLabel={nodeLabel} onSelectNode={onSelectNode} />;
}
