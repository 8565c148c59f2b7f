'use client';
// Webhooks: the admin's allowed origins, and the webhooks of a chosen project.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { InlineError } from '../ui/InlineError';
import { PageBody } from '../ui/PageBody';
import { PageHeader } from '../ui/PageHeader';
import { AllowedOrigins } from './AllowedOrigins';
import { ProjectWebhooks } from './ProjectWebhooks';

export function WebhooksPage({ canManageOrigins, canManageWebhooks }: { canManageOrigins: boolean; canManageWebhooks: boolean }) {
  const trpc = useTRPC();
  const projects = useQuery(trpc.project.list.queryOptions());
  const [chosen, setChosen] = useState<string | null>(null);
  const projectId = chosen ?? projects.data?.[0]?.id ?? null;
  return (
    <PageBody>
      <PageHeader title="Webhooks" description="Where alerts are posted besides the studio's notifications." />
      <div className="mt-6 flex flex-col gap-8">
        <AllowedOrigins canManage={canManageOrigins} />
        <div className="flex flex-col gap-3">
          <label className="flex items-center gap-2 text-sm text-zinc-700">
            Project
            <select className="h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm" value={projectId ?? ''} onChange={(e) => setChosen(e.target.value)}>
              {projects.data?.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <InlineError message={projects.error ? errorMessage(projects.error) : null} />
          {projectId && <ProjectWebhooks projectId={projectId} canManage={canManageWebhooks} />}
        </div>
      </div>
    </PageBody>
  );
}
