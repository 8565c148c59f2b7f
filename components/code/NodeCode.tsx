'use client';
// The Code tab of a built-in node: "Fork as code node" (a code/transform doing the same, with its
// current params, put in its place for a scientist to edit), then the node's own source, read only.
// Default export: loaded lazily, with CodeMirror.
import { useMutation } from '@tanstack/react-query';
import type { NodeInstance } from '../editor/editor-types';
import { useEditorStore } from '../editor/EditorContext';
import type { NodeTypeInfo } from '../pipeline/pipeline-types';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { InlineError } from '../ui/InlineError';
import { Tooltip } from '../ui/Tooltip';
import NodeSource from './NodeSource';

interface NodeCodeProps {
  node: NodeInstance;
  info: NodeTypeInfo;
  /** Why this person cannot write code here, or null when they can. */
  codeReadOnlyReason: string | null;
  /** Called once the fork is in place, to show its code. */
  onForked: () => void;
}

export default function NodeCode({ node, info, codeReadOnlyReason, onForked }: NodeCodeProps) {
  const trpc = useTRPC();
  const store = useEditorStore();
  const fork = useMutation(
    trpc.pipeline.forkAsCode.mutationOptions({
      onSuccess: (forked) => {
        store.replaceNode(node.id, forked);
        onForked();
      },
    }),
  );
  const refusal = info.forkRefusal ?? codeReadOnlyReason;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1.5" data-testid="fork-as-code">
        <div className="flex items-center gap-2">
          <Tooltip text={refusal}>
            <Button
              size="sm"
              disabled={refusal !== null || fork.isPending}
              onClick={() => fork.mutate({ doc: store.getState().doc, nodeId: node.id })}
              data-testid="fork-as-code-button"
            >
              {fork.isPending ? 'Forking…' : 'Fork as code node'}
            </Button>
          </Tooltip>
          <span className="text-[11px] text-zinc-500">
            {refusal ? (
              <span data-testid="fork-as-code-refusal">Not offered: {refusal.charAt(0).toLowerCase() + refusal.slice(1)}.</span>
            ) : (
              'Replaces this node with a code node that does the same in JavaScript, with these params, for you to edit. Undo puts it back.'
            )}
          </span>
        </div>
        {fork.isError ? <InlineError message={errorMessage(fork.error)} /> : null}
      </div>
      <NodeSource type={node.type} version={node.version} />
    </div>
  );
}
