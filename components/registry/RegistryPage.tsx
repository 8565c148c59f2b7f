'use client';
// The model registry: what waits for approval, then every model, or every version across them
// (sorted by a metric, filtered by alias or param). A project choice narrows all of it.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../trpc/trpc-context';
import { PageBody } from '../ui/PageBody';
import { PageHeader } from '../ui/PageHeader';
import { ApprovalSetting } from './ApprovalSetting';
import { Button } from '../ui/Button';
import { ModelList } from './ModelList';
import { OnnxImportPanel } from './OnnxImportPanel';
import { PendingApprovals } from './PendingApprovals';
import { VersionTable } from './VersionTable';

interface RegistryPageProps {
  userId: string;
  canApprove: boolean;
  canConfigure: boolean;
  canRegister: boolean;
}

export function RegistryPage({ userId, canApprove, canConfigure, canRegister }: RegistryPageProps) {
  const trpc = useTRPC();
  const projects = useQuery(trpc.project.list.queryOptions());
  const [projectId, setProjectId] = useState('');
  const [tab, setTab] = useState<'models' | 'versions'>('models');
  const [importing, setImporting] = useState(false);
  const project = projects.data?.find((p) => p.id === projectId);
  return (
    <PageBody>
      <div className="flex flex-col gap-6" data-testid="registry-page">
        <PageHeader
          title="Models"
          description="Registered models and their numbered versions, with aliases such as @production."
          actions={
            <div className="flex items-center gap-3">
              {canRegister ? (
                <Button onClick={() => setImporting(true)} disabled={importing} data-testid="registry-import-onnx">
                  Import ONNX model
                </Button>
              ) : null}
              <label className="flex items-center gap-2 text-xs text-zinc-600">
                Project
                <select
                  value={projectId}
                  onChange={(e) => setProjectId(e.target.value)}
                  className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-800"
                  data-testid="registry-project"
                >
                  <option value="">All projects</option>
                  {projects.data?.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          }
        />
        {importing ? <OnnxImportPanel projectId={projectId} onClose={() => setImporting(false)} /> : null}
        <PendingApprovals projectId={projectId || undefined} canApprove={canApprove} userId={userId} />
        {project ? <ApprovalSetting projectId={project.id} projectName={project.name} canChange={canConfigure} /> : null}
        <div role="tablist" aria-label="Registry views" className="flex gap-1 border-b border-zinc-200">
          {(['models', 'versions'] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              aria-selected={tab === t}
              onClick={() => setTab(t)}
              className={`-mb-px border-b-2 px-3 pb-2 text-sm font-medium ${tab === t ? 'border-indigo-600 text-zinc-900' : 'border-transparent text-zinc-500 hover:text-zinc-800'}`}
              data-testid={`registry-tab-${t}`}
            >
              {t === 'models' ? 'Models' : 'All versions'}
            </button>
          ))}
        </div>
        {tab === 'models' ? <ModelList key={projectId} projectId={projectId || undefined} /> : <VersionTable key={projectId} projectId={projectId || undefined} />}
      </div>
    </PageBody>
  );
}
