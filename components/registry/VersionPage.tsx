'use client';
// One model version: what it is (format, task, signature), how good it is (metrics), where it came
// from (run, pipeline version, params, code hashes, data) and its lineage drawn as a graph, with the
// retrain chain that made it when continuous training did.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { lazy, Suspense } from 'react';
import { metricLabel } from '../pipeline/metric-labels';
import { errorMessage } from '../trpc/error-message';
import type { RouterOutputs } from '../trpc/router-types';
import { useTRPC } from '../trpc/trpc-context';
import { DeleteButton } from '../ui/DeleteButton';
import { formatDateTime, formatNumber, shortId } from '../ui/format';
import { InlineError } from '../ui/InlineError';
import { PageBody } from '../ui/PageBody';
import { PageHeader } from '../ui/PageHeader';
import { VersionDeployments } from '../deployments/VersionDeployments';
import { AliasChips } from './AliasChips';
import { AliasForm } from './AliasForm';
import { modelHref, pipelineHref } from './links';
import { OnnxDownload } from './OnnxDownload';
import type { RegistryPermissions } from './ModelPage';

const LineageGraph = lazy(() => import('../lineage/LineageGraph').then((m) => ({ default: m.LineageGraph })));
const RetrainChainGraph = lazy(() => import('../lineage/RetrainChainGraph').then((m) => ({ default: m.RetrainChainGraph })));

type Version = RouterOutputs['registry']['version'];

export function VersionPage({ modelId, version, permissions }: { modelId: string; version: number; permissions: RegistryPermissions }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.registry.version.queryOptions({ modelId, version }));
  const model = useQuery(trpc.registry.model.queryOptions({ id: modelId }));
  const lineage = useQuery(trpc.registry.lineage.queryOptions({ modelId, version }));
  if (query.isError) return <PageBody><InlineError message={errorMessage(query.error)} /></PageBody>;
  if (!query.data) return <PageBody><div className="h-40 animate-pulse rounded-lg bg-zinc-100" aria-busy="true" /></PageBody>;
  const v = query.data;
  return (
    <PageBody>
      <div className="flex flex-col gap-6" data-testid="version-page">
        <PageHeader
          crumbs={[{ label: 'Models', href: '/models' }, { label: v.modelName, href: modelHref(modelId) }, { label: `v${v.version}` }]}
          title={
            <span className="flex items-center gap-2">
              {v.modelName} v{v.version} <AliasChips aliases={v.aliases} />
            </span>
          }
          description={`Registered ${formatDateTime(v.createdAt)}${v.createdByName ? ` by ${v.createdByName}` : ''}${v.deletedAt ? ' · deleted' : ''}`}
        />
        {v.deletedAt ? <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">This version was deleted. Its record stays; its model file is freed by storage GC once nothing else needs it.</p> : null}
        <div className="grid gap-6 md:grid-cols-2">
          <Summary v={v} />
          <Metrics v={v} />
        </div>
        <VersionDeployments modelId={modelId} version={v.version} />
        {permissions.canDelete && !v.deletedAt ? <DeleteVersion modelId={modelId} version={v.version} /> : null}
        {permissions.canAlias && !v.deletedAt ? (
          <section className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm">
            <h2 className="mb-2 text-sm font-semibold text-zinc-900">Point an alias at this version</h2>
            <AliasForm modelId={modelId} version={v.version} latestVersion={v.version} approvalNeeded={model.data?.settings.productionApproval ?? false} />
          </section>
        ) : null}
        <section aria-labelledby="lineage-heading" className="flex flex-col gap-2">
          <h2 id="lineage-heading" className="text-sm font-semibold text-zinc-900">Lineage</h2>
          <p className="text-xs text-zinc-500">The data it was trained on, and every step in between with its params and code, as they were when it was registered.</p>
          {lineage.isError ? <InlineError message={errorMessage(lineage.error)} /> : null}
          {v.source === 'import' ? (
            <p className="text-sm text-zinc-600" data-testid="version-imported">
              Imported as a file: no Pipeworks run or dataset produced it, so there is no lineage to draw.
            </p>
          ) : lineage.data ? (
            <Suspense fallback={<div className="h-[420px] animate-pulse rounded-lg bg-zinc-100" />}>
              <LineageGraph nodes={lineage.data.nodes} edges={lineage.data.edges} />
            </Suspense>
          ) : null}
        </section>
        <RetrainChain versionId={v.id} />
        <div className="grid gap-6 md:grid-cols-2">
          <Signature v={v} />
          <Params v={v} />
        </div>
      </div>
    </PageBody>
  );
}

/**
 * How continuous training made this version, when it did: the alert or schedule that fired the
 * retrain, the run, the comparison with the champion, the approval and the deployments. Versions
 * no trigger made and no challenge judged have no such chain, and show nothing here.
 */
function RetrainChain({ versionId }: { versionId: string }) {
  const trpc = useTRPC();
  const chain = useQuery(trpc.training.lineage.queryOptions({ versionId }));
  if (chain.isError) return <InlineError message={errorMessage(chain.error)} />;
  if (!chain.data?.nodes.some((n) => n.kind === 'fire' || n.kind === 'challenge')) return null;
  return (
    <section aria-labelledby="retrain-chain-heading" className="flex flex-col gap-2">
      <h2 id="retrain-chain-heading" className="text-sm font-semibold text-zinc-900">
        Retrain chain
      </h2>
      <p className="text-xs text-zinc-500">What fired the retrain that made this version, how it compared with the champion on the run&apos;s holdout, and what was decided. Each card links to its page.</p>
      <Suspense fallback={<div className="h-[340px] animate-pulse rounded-lg bg-zinc-100" />}>
        <RetrainChainGraph nodes={chain.data.nodes} edges={chain.data.edges} />
      </Suspense>
    </section>
  );
}

/** Marks the version deleted; its record and lineage stay, and storage GC frees its bytes later. */
function DeleteVersion({ modelId, version }: { modelId: string; version: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.storage.deleteModelVersion.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.registry.pathKey() }),
    }),
  );
  return (
    <div>
      <DeleteButton
        label="Delete this version"
        consequence={`v${version} leaves the lists and can no longer hold an alias; its record stays, and GC frees its model file once nothing needs it.`}
        pending={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : null}
        onConfirm={() => remove.mutate({ modelId, version })}
        testId="delete-model-version"
      />
    </div>
  );
}

function Box({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <section className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm" data-testid={testId}>
      <h2 className="mb-2 text-sm font-semibold text-zinc-900">{title}</h2>
      {children}
    </section>
  );
}

function Summary({ v }: { v: Version }) {
  const { lineage } = v;
  return (
    <Box title="What it is" testId="version-summary">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
        <dt className="text-zinc-500">Format</dt>
        <dd className="font-mono text-xs text-zinc-800">{v.format}</dd>
        <dt className="text-zinc-500">Task</dt>
        <dd>{v.signature.task ?? 'unknown'}</dd>
        <dt className="text-zinc-500">Predicts</dt>
        <dd>
          {v.signature.target ?? '—'}
          {v.signature.labels.length ? <span className="text-zinc-500"> ({v.signature.labels.join(', ')})</span> : null}
        </dd>
        <dt className="text-zinc-500">Source</dt>
        <dd>
          {v.source === 'run' ? (
            <>
              step <code className="font-mono text-xs">{v.stepId}</code> of run <span className="font-mono text-xs">{shortId(v.runId)}</span>
              {v.run ? '' : ' (run deleted)'}
            </>
          ) : (
            'imported file'
          )}
        </dd>
        {lineage.pipeline ? (
          <>
            <dt className="text-zinc-500">Pipeline</dt>
            <dd>
              {v.pipelineId ? (
                <Link href={pipelineHref(lineage.pipeline.id)} className="text-indigo-700 hover:underline">
                  {lineage.pipeline.name}
                </Link>
              ) : (
                lineage.pipeline.name
              )}{' '}
              v{lineage.pipeline.version}
            </dd>
          </>
        ) : null}
        {lineage.sources.map((s) => (
          <div key={s.stepId} className="contents">
            <dt className="text-zinc-500">Data</dt>
            <dd data-testid="version-data">{s.kind === 'dataset' ? `${s.name} v${s.version} (${s.sourceFilename})` : `sample ${s.name}`}</dd>
          </div>
        ))}
        <dt className="text-zinc-500">Model file</dt>
        <dd>
          <a href={`/api/artifacts/${v.artifactId}`} download className="font-mono text-xs text-indigo-700 hover:underline">
            {shortId(v.artifactId, 16)}
          </a>
        </dd>
        {v.deletedAt ? null : (
          <>
            <dt className="text-zinc-500">ONNX</dt>
            <dd>
              <OnnxDownload artifactId={v.artifactId} fileName={`${v.modelName}-v${v.version}`} />
            </dd>
          </>
        )}
      </dl>
    </Box>
  );
}

function Metrics({ v }: { v: Version }) {
  const entries = Object.entries(v.metrics);
  return (
    <Box title="Metrics" testId="version-metrics">
      {entries.length === 0 ? (
        <p className="text-sm text-zinc-500">{v.source === 'import' ? 'An imported model brings no metrics; no Pipeworks run evaluated it.' : 'No evaluate step scored this model in its run.'}</p>
      ) : (
        <>
          <table className="w-full text-sm">
            <tbody className="divide-y divide-zinc-100">
              {entries.map(([name, value]) => (
                <tr key={name} data-testid={`version-metric-${name}`}>
                  <td className="py-1 text-zinc-600">{metricLabel(name)}</td>
                  <td className="py-1 text-right font-medium text-zinc-900 tabular-nums">{formatNumber(value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {v.lineage.metricsFrom ? <p className="mt-2 text-xs text-zinc-500">From step {v.lineage.metricsFrom.stepId} of the same run.</p> : null}
        </>
      )}
    </Box>
  );
}

function Signature({ v }: { v: Version }) {
  return (
    <Box title={`Signature · ${v.signature.inputs.length} input column${v.signature.inputs.length === 1 ? '' : 's'}`} testId="version-signature">
      <div className="max-h-72 overflow-y-auto">
        <table className="w-full text-sm">
          <thead className="text-left text-xs text-zinc-500">
            <tr>
              <th className="py-1 font-medium">Column</th>
              <th className="py-1 font-medium">Type</th>
              <th className="py-1 font-medium">Role</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {v.signature.inputs.map((c) => (
              <tr key={c.name}>
                <td className="py-1 font-mono text-xs text-zinc-800">{c.name}</td>
                <td className="py-1 text-zinc-600">{c.type}</td>
                <td className="py-1 text-zinc-600">{c.role}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Box>
  );
}

function Params({ v }: { v: Version }) {
  const codes = v.lineage.steps.map((s) => [s.label ?? s.id, s.codeHash] as const);
  if (v.source === 'import' && v.params.length === 0 && codes.length === 0) {
    return (
      <Box title="Params and code" testId="version-params">
        <p className="text-sm text-zinc-500">Trained outside Pipeworks and imported as a file: no params or step code were recorded.</p>
      </Box>
    );
  }
  return (
    <Box title="Params and code" testId="version-params">
      <div className="max-h-72 overflow-y-auto">
        <table className="w-full text-sm">
          <tbody className="divide-y divide-zinc-100">
            {v.params.map((p) => (
              <tr key={p.key}>
                <td className="py-1 pr-3 text-zinc-600">{p.key}</td>
                <td className="py-1 font-mono text-xs break-all text-zinc-800">{p.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3 className="mt-3 mb-1 text-xs font-semibold text-zinc-500 uppercase">Code of each step</h3>
        <ul className="text-xs">
          {codes.map(([step, hash]) => (
            <li key={step} className="flex justify-between gap-3 py-0.5">
              <span className="text-zinc-600">{step}</span>
              <span className="font-mono text-zinc-800">{hash}</span>
            </li>
          ))}
        </ul>
      </div>
    </Box>
  );
}
