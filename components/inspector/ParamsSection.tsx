'use client';
// The Node tab's "Parameters": the form generated from the node type's schema. Edits go straight
// into the editor's document (undoable, saved by autosave); the problems shown under each field
// come from the live compile of that document.
import { useMemo, useRef, useState } from 'react';
import type { PortColumns } from '../../engine/columns';
import type { IssueView, NodeTypeInfo } from '../pipeline/pipeline-types';
import { CodeAccessProvider, type CodeAccess } from '../code/code-access';
import { SectionTitle } from '../pipeline/SectionTitle';
import { issuesByParam, paramFields, type JsonSchema } from './param-fields';
import { changedParams } from './params-doc';
import { ParamForm } from './ParamForm';

interface ParamsSectionProps {
  nodeId: string;
  info: NodeTypeInfo;
  params: Record<string, unknown>;
  /** Every issue of the live compile; the ones about this node's params are picked out here. */
  issues: readonly IssueView[];
  /** The columns arriving at each of this node's inputs, where known before running. */
  columns?: PortColumns;
  /** Why the form is read only (the role), or null when it can be edited. */
  readOnlyReason: string | null;
  /** Why code params cannot be edited (no code.write, or read only), or null when they can. */
  codeReadOnlyReason: string | null;
  /** This node's error in the shown run, for the code editor to mark. */
  runError: string | null;
  onChange: (params: Record<string, unknown>, fields: string[]) => void;
}

export function ParamsSection({ nodeId, info, params, issues, columns, readOnlyReason, codeReadOnlyReason, runError, onChange }: ParamsSectionProps) {
  const fields = useMemo(() => paramFields(info.paramsSchema as JsonSchema | undefined), [info]);
  const [tested, setTested] = useState<CodeAccess['tested']>(null);
  const declares = fields.some((f) => f.name === 'outputColumns');
  // Declaring columns changes another field than the one typed in: sent like an undo, so the form remounts and shows them.
  const access = useMemo<CodeAccess>(
    () => ({
      nodeId,
      language: params.language === 'typescript' ? 'typescript' : 'javascript',
      readOnlyReason: codeReadOnlyReason,
      runError,
      tested,
      setTested,
      declareColumns: declares ? (columns) => onChange({ ...params, outputColumns: columns.map(({ name, type, role }) => ({ name, type, role })) }, ['outputColumns']) : null,
    }),
    [nodeId, codeReadOnlyReason, runError, tested, declares, params, onChange],
  );
  const byParam = useMemo(() => issuesByParam(issues, nodeId, fields), [issues, nodeId, fields]);
  // Inputs may keep a draft of what is typed. Params changed from elsewhere (undo, redo, a restored
  // version) remount the form so it shows them; params this form just sent do not.
  const sent = useRef<Record<string, unknown> | null>(null);
  const [shown, setShown] = useState(params);
  const [generation, setGeneration] = useState(0);
  if (params !== shown) {
    setShown(params);
    if (params !== sent.current) {
      setGeneration((g) => g + 1);
      sent.current = null;
    }
  }
  return (
    <section className="flex flex-col gap-3" aria-label="Parameters">
      <SectionTitle>Parameters</SectionTitle>
      <CodeAccessProvider value={access}>
      <ParamForm
        key={generation}
        fields={fields}
        value={params}
        onChange={(next) => {
          sent.current = next;
          onChange(next, changedParams(params, next));
        }}
        issues={byParam}
        readOnly={readOnlyReason !== null}
        columns={columns}
      />
      </CodeAccessProvider>
      {readOnlyReason ? <p className="text-xs text-zinc-400">Read only: {readOnlyReason.charAt(0).toLowerCase() + readOnlyReason.slice(1)}.</p> : null}
    </section>
  );
}
