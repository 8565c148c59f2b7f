'use client';
// The inspected node: its label and placement, its problems from the live compile, then two tabs.
// Results (first once the node has run): how its step went in the shown run, the params it ran
// with, its outputs and its logs. Params: the form, editable for roles that may edit.
import Link from 'next/link';
import { lazy, Suspense } from 'react';
import type { NodeInstance } from '../editor/editor-types';
import { useEditor, useEditorStore } from '../editor/EditorContext';
import { ParamsSection } from '../inspector/ParamsSection';
import { Button } from '../ui/Button';
import { formatDuration, formatMegabytes, shortId } from '../ui/format';
import { StatusBadge } from '../ui/StatusBadge';
import { runHref } from '../runs/run-links';
import { typeKey } from './flow-elements';
import type { NodeTypeInfo, StepView } from './pipeline-types';
import { ranWithParams } from './ran-with-params';
import { RanWithParams } from './RanWithParams';
import { StepLogs } from './StepLogs';
import { TrustBadge } from '../runs/TrustBadge';
import { runnerWords, stepStatusWord } from '../runs/runner-words';

export type NodeTab = 'results' | 'params' | 'code';

// Output previews bring the chart library; it loads when a node is first opened, not with the page.
const NodeOutputs = lazy(() => import('./NodeOutputs').then((m) => ({ default: m.NodeOutputs })));
// A built-in node's source brings CodeMirror; it loads when the Code tab is first opened.
const NodeCode = lazy(() => import('../code/NodeCode'));

interface NodeDetailsProps {
  node: NodeInstance;
  info: NodeTypeInfo | undefined;
  /** Why the node cannot be changed (the role), or null when it can. */
  readOnlyReason: string | null;
  /** Why code params cannot be edited, or null when they can (scientists and admins). */
  codeReadOnlyReason: string | null;
  step: StepView | undefined;
  runId: string | null;
  /** An output to open and scroll to (an edge from it was clicked). */
  focusPort: string | null;
  onChooseRun: (id: string) => void;
  onDeleted: () => void;
  /** The tab last chosen by hand, or null: Results once the node has run, else Params. */
  tab: NodeTab | null;
  onTab: (tab: NodeTab) => void;
}

export function NodeDetails({ node, info, readOnlyReason, codeReadOnlyReason, step, runId, focusPort, onChooseRun, onDeleted, tab: chosenTab, onTab }: NodeDetailsProps) {
  const store = useEditorStore();
  const issues = useEditor((s) => s.compiled.issues);
  const columns = useEditor((s) => s.compiled.columns?.[node.id]?.inputs);
  const title = info ? info.title : `${node.type} v${node.version}`;
  const nodeIssues = issues.filter((i) => (i.nodeId === node.id || i.nodeIds?.includes(node.id)) && !i.field?.startsWith('params'));
  const paramIssues = issues.filter((i) => i.nodeId === node.id && i.field?.startsWith('params')).length;
  // A focused output port is a result: show it even when Params was the last tab chosen.
  // Code nodes show their code under Params; built-ins show their source (and a fork) under Code.
  const builtIn = info !== undefined && (info.codeParams ?? []).length === 0;
  const chosen = chosenTab === 'code' && !builtIn ? null : chosenTab;
  const tab: NodeTab = focusPort ? 'results' : (chosen ?? (step ? 'results' : 'params'));
  return (
    <div className="flex flex-col gap-5 p-4" data-testid="selected-node-details">
      <header className="flex flex-col gap-2">
        <div className="flex items-start gap-3">
          <div className="min-w-0 flex-1">
            <h2 className="truncate text-sm font-semibold text-zinc-900">{node.label?.trim() || title}</h2>
            <p className="truncate text-xs text-zinc-500">
              {title} · <span className="font-mono">{typeKey(node.type, node.version)}</span> · <span className="font-mono">{node.id}</span>
            </p>
          </div>
          {readOnlyReason === null ? (
            <Button
              size="sm"
              variant="danger"
              data-testid="delete-node"
              title="Delete this node and its connections (Delete)"
              onClick={() => {
                store.deleteNodes([node.id]);
                onDeleted();
              }}
            >
              Delete node
            </Button>
          ) : null}
        </div>
        {info?.description ? <p className="text-xs text-zinc-500">{info.description}</p> : null}
        <label className="flex flex-col gap-1 text-xs font-medium text-zinc-700">
          Label
          <span title={readOnlyReason ?? undefined}>
            <input
              type="text"
              value={node.label ?? ''}
              placeholder={title}
              maxLength={200}
              disabled={readOnlyReason !== null}
              onChange={(e) => store.rename(node.id, e.target.value, true)}
              data-testid="node-label-field"
              className="h-8 w-full rounded-md border border-zinc-300 bg-white px-2.5 text-sm font-normal text-zinc-900 placeholder:text-zinc-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 focus:outline-none disabled:bg-zinc-50 disabled:text-zinc-500"
            />
          </span>
        </label>
        <PlacementField node={node} runsOn={info?.runsOn} readOnlyReason={readOnlyReason} onChange={(p) => store.setPlacement(node.id, p)} />
      </header>

      {nodeIssues.length > 0 ? (
        <ul className="flex flex-col gap-1 text-xs" aria-label="Problems with this node" data-testid="node-issues">
          {nodeIssues.map((issue, i) => (
            <li key={`${issue.code}-${i}`} className={issue.severity === 'error' ? 'text-red-700' : 'text-amber-800'}>
              {issue.message}
            </li>
          ))}
        </ul>
      ) : null}

      <div role="tablist" aria-label="Node sections" className="-mb-2 flex gap-1 border-b border-zinc-200">
        <SubTab id="results" active={tab === 'results'} onClick={() => onTab('results')}>
          Results
        </SubTab>
        <SubTab id="params" active={tab === 'params'} onClick={() => onTab('params')}>
          Params{paramIssues > 0 ? <span className="ml-1 text-red-700">({paramIssues})</span> : null}
        </SubTab>
        {builtIn ? (
          <SubTab id="code" active={tab === 'code'} onClick={() => onTab('code')}>
            Code
          </SubTab>
        ) : null}
      </div>

      {tab === 'results' ? (
        <div role="tabpanel" aria-labelledby="node-tab-results" className="flex flex-col gap-5" data-testid="node-results">
          {step ? (
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 rounded-md border border-zinc-200 bg-zinc-50/60 px-3 py-2.5 text-xs">
              <dt className="text-zinc-500">State</dt>
              <dd>
                <StatusBadge status={stepStatusWord(step.status, step.runner)} />
              </dd>
              <dt className="text-zinc-500">Duration</dt>
              <dd className="tabular-nums">{step.startedAt != null && step.finishedAt != null ? formatDuration(step.finishedAt - step.startedAt) : '—'}</dd>
              <dt className="text-zinc-500">Peak memory</dt>
              <dd className="tabular-nums">{formatMegabytes(step.peakMemoryBytes)}</dd>
              {step.runner ? (
                <>
                  <dt className="text-zinc-500">{step.status === 'running' || step.status === 'queued' ? 'Runs on' : 'Ran on'}</dt>
                  <dd data-testid="step-ran-on" data-runner={step.runner} data-backend={step.backend ?? ''}>
                    {runnerWords(step.runner, step.status, step.placement)}
                    {step.backend ? ` · ${step.backend}` : ''}
                  </dd>
                </>
              ) : null}
              {step.ranByName ? (
                <>
                  <dt className="text-zinc-500">Computed by</dt>
                  <dd data-testid="step-ran-by">{step.ranByName}</dd>
                </>
              ) : null}
              {step.implementationHash ? (
                <>
                  <dt className="text-zinc-500">Build</dt>
                  <dd className="font-mono" title={step.implementationHash}>
                    {shortId(step.implementationHash, 12)}
                  </dd>
                </>
              ) : null}
              {step.trust ? (
                <>
                  <dt className="text-zinc-500">Trust</dt>
                  <dd>
                    <TrustBadge trust={step.trust} />
                  </dd>
                </>
              ) : null}
              {step.backendNote ? (
                <>
                  <dt className="text-zinc-500">Fallback</dt>
                  <dd className="text-amber-800" data-testid="step-backend-note">
                    {step.backendNote}
                  </dd>
                </>
              ) : null}
              {step.cachedFromRunId ? (
                <>
                  <dt className="text-zinc-500">Cached from</dt>
                  <dd>
                    <button type="button" className="font-mono text-sky-700 hover:underline" onClick={() => onChooseRun(step.cachedFromRunId!)}>
                      run {shortId(step.cachedFromRunId)}
                    </button>
                  </dd>
                </>
              ) : null}
              {step.status === 'running' && step.progressMessage ? (
                <>
                  <dt className="text-zinc-500">Progress</dt>
                  <dd>{step.progressMessage}</dd>
                </>
              ) : null}
            </dl>
          ) : (
            <p className="text-sm text-zinc-500">{runId ? 'This node is not part of the shown run.' : 'This node has not run yet.'}</p>
          )}

          {step?.errorMessage && step.status === 'cancelled' ? (
            <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">{step.errorMessage}</p>
          ) : step?.errorMessage ? (
            <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
              {step.errorCode ? <p className="font-mono text-xs text-red-500">{step.errorCode}</p> : null}
              <p className="break-words">{step.errorMessage}</p>
            </div>
          ) : null}

          {step?.params !== undefined && step.params !== null ? <RanWithParams params={ranWithParams(step.params, node.params, info?.paramDefaults)} /> : null}
          <Suspense fallback={<p className="h-16 text-xs text-zinc-400">Loading outputs…</p>}>
            <NodeOutputs
              ports={info ? [...info.outputs] : []}
              step={step}
              focusPort={focusPort ?? undefined}
              // The roles that edit pipelines are the roles that register models (roles.ts); the server checks again.
              register={runId && readOnlyReason === null ? { runId, stepId: node.id, suggestion: registerSuggestion(node.params.register) } : undefined}
            />
          </Suspense>

          {runId && step ? <StepLogs runId={runId} stepId={node.id} live={step.status === 'running' || step.status === 'queued'} /> : null}
          {runId && step ? (
            <Link href={runHref(runId)} className="text-xs font-medium text-indigo-600 hover:text-indigo-500" data-testid="open-run-page">
              Open this run's page →
            </Link>
          ) : null}
        </div>
      ) : tab === 'code' && info ? (
        <div role="tabpanel" aria-labelledby="node-tab-code" className="flex flex-col gap-5" data-testid="node-code-tab">
          <Suspense fallback={<p className="h-16 text-xs text-zinc-400">Loading the source…</p>}>
            <NodeCode node={node} info={info} codeReadOnlyReason={codeReadOnlyReason} onForked={() => onTab('params')} />
          </Suspense>
        </div>
      ) : (
        <div role="tabpanel" aria-labelledby="node-tab-params" className="flex flex-col gap-5" data-testid="node-params">
          {info ? (
            <ParamsSection
              nodeId={node.id}
              info={info}
              params={node.params}
              issues={issues}
              columns={columns}
              readOnlyReason={readOnlyReason}
              codeReadOnlyReason={codeReadOnlyReason}
              runError={step?.status === 'failed' ? (step.errorMessage ?? null) : null}
              onChange={(params, fields) => store.setParams(node.id, params, fields)}
            />
          ) : null}
        </div>
      )}
    </div>
  );
}

function SubTab({ id, active, onClick, children }: { id: NodeTab; active: boolean; onClick: () => void; children: React.ReactNode }) {
  return (
    <button
      type="button"
      role="tab"
      id={`node-tab-${id}`}
      aria-selected={active}
      onClick={onClick}
      data-testid={`node-tab-${id}`}
      className={`-mb-px border-b-2 px-2 pb-1.5 text-xs font-semibold ${active ? 'border-indigo-600 text-zinc-900' : 'border-transparent text-zinc-500 hover:text-zinc-800'}`}
    >
      {children}
    </button>
  );
}

function registerSuggestion(param: unknown): string | undefined {
  return typeof param === 'string' && param ? param : undefined;
}

const PLACEMENT_CHOICES = [
  ['inherit', "Pipeline's setting"],
  ['auto', 'Auto'],
  ['browser', 'Browser'],
  ['server', 'Server'],
] as const;

function PlacementField({ node, runsOn, readOnlyReason, onChange }: { node: NodeInstance; runsOn: readonly string[] | undefined; readOnlyReason: string | null; onChange: (p: 'inherit' | 'auto' | 'browser' | 'server') => void }) {
  const only = runsOn && runsOn.length === 1 ? runsOn[0] : null;
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-zinc-700">
      Runs on
      <span title={readOnlyReason ?? undefined}>
        <select
          value={node.placement ?? 'inherit'}
          disabled={readOnlyReason !== null}
          onChange={(e) => onChange(e.target.value as 'inherit' | 'auto' | 'browser' | 'server')}
          data-testid="node-placement"
          className="h-8 w-full rounded-md border border-zinc-300 bg-white px-2 text-sm font-normal text-zinc-900 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 focus:outline-none disabled:bg-zinc-50 disabled:text-zinc-500"
        >
          {PLACEMENT_CHOICES.map(([value, label]) => (
            <option key={value} value={value} disabled={only !== null && (value === 'browser' || value === 'server') && value !== only}>
              {label}
            </option>
          ))}
        </select>
      </span>
      {only ? <span className="font-normal text-zinc-500">This node runs only {only === 'server' ? 'on the server' : 'in a browser'}.</span> : null}
    </label>
  );
}
