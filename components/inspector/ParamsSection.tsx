'use client';
// The Node tab's "Parameters": the generated form, live compile issues, and saving a new version.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { SectionTitle } from '../pipeline/SectionTitle';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { InlineError } from '../ui/InlineError';
import { fieldMessage, paramFields, paramOfIssueField, type JsonSchema } from './param-fields';
import { nodeParams, stableKey, withParams } from './params-doc';
import { ParamForm } from './ParamForm';

const COMPILE_DELAY_MS = 300;

interface IssueLike {
  severity: string;
  message: string;
  nodeId?: string;
  field?: string;
}

function issuesByParam(issues: readonly IssueLike[], nodeId: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const issue of issues) {
    if (issue.nodeId !== nodeId || !issue.field?.startsWith('params')) continue;
    const name = paramOfIssueField(issue.field) ?? '';
    map.set(name, [...(map.get(name) ?? []), name ? fieldMessage(issue.message, issue.field) : issue.message]);
  }
  return map;
}

interface ParamsSectionProps {
  pipelineId: string;
  nodeId: string;
  canWrite: boolean;
}

export function ParamsSection({ pipelineId, nodeId, canWrite }: ParamsSectionProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pipelineQuery = useQuery(trpc.pipeline.get.queryOptions({ id: pipelineId }));
  const typesQuery = useQuery(trpc.pipeline.nodeTypes.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const doc: unknown = pipelineQuery.data?.doc;
  const original = useMemo(() => nodeParams(doc, nodeId), [doc, nodeId]);
  const info = typesQuery.data?.find((t) => original && t.type === original.type && t.version === original.version);
  const fields = useMemo(() => paramFields(info?.paramsSchema as JsonSchema | undefined), [info]);

  const [params, setParams] = useState<Record<string, unknown>>(() => original?.params ?? {});
  const paramsKey = stableKey(params);
  const dirty = original !== null && paramsKey !== stableKey(original.params);

  const compile = useMutation(trpc.pipeline.compile.mutationOptions());
  const [checked, setChecked] = useState<{ key: string; issues: readonly IssueLike[] } | null>(null);
  const { mutate: runCompile } = compile;
  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => {
      runCompile({ doc: withParams(doc, nodeId, params) }, { onSuccess: (result) => setChecked({ key: paramsKey, issues: result.issues }) });
    }, COMPILE_DELAY_MS);
    return () => clearTimeout(timer);
    // paramsKey stands for params: compile again only when the content changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [paramsKey, dirty, doc, nodeId, runCompile]);

  const checking = dirty && checked?.key !== paramsKey;
  const issues = dirty ? (checked?.key === paramsKey ? checked.issues : (checked?.issues ?? [])) : (pipelineQuery.data?.issues ?? []);
  const byParam = issuesByParam(issues, nodeId);
  const hasErrors = issues.some((i) => i.nodeId === nodeId && i.severity === 'error' && i.field?.startsWith('params'));

  const save = useMutation(
    trpc.pipeline.save.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.pipeline.get.queryKey({ id: pipelineId }) }),
    }),
  );
  const projectId = pipelineQuery.data?.pipeline.projectId;

  if (!original || !info) return null;
  return (
    <section className="flex flex-col gap-3" aria-label="Parameters">
      <SectionTitle>Parameters</SectionTitle>
      <ParamForm fields={fields} value={params} onChange={setParams} issues={byParam} readOnly={!canWrite || save.isPending} />
      {canWrite && fields.length > 0 ? (
        <div className="flex items-center gap-3">
          <Button
            variant="primary"
            size="sm"
            data-testid="save-params"
            disabled={!dirty || checking || hasErrors || save.isPending || !projectId}
            onClick={() => projectId && save.mutate({ projectId, doc: withParams(doc, nodeId, params), message: `Edited ${nodeId} params` })}
          >
            {save.isPending ? 'Saving…' : 'Save as new version'}
          </Button>
          <span className="text-xs text-zinc-500">
            {!dirty ? 'No changes' : checking ? 'Checking…' : hasErrors ? 'Fix the problems above to save' : 'Unsaved changes'}
          </span>
        </div>
      ) : null}
      {!canWrite ? <p className="text-xs text-zinc-400">Read only: your role cannot edit pipelines.</p> : null}
      <InlineError message={save.error ? errorMessage(save.error) : compile.error ? errorMessage(compile.error) : null} />
    </section>
  );
}
