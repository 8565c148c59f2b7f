'use client';
// The new-pipeline gallery: a blank canvas or a template that runs on bundled data, a name, Create.
// On success the new pipeline's canvas opens.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../trpc/error-message';
import type { RouterOutputs } from '../trpc/router-types';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { InlineError } from '../ui/InlineError';
import { TextField } from '../ui/TextField';
import { GalleryCard } from './GalleryCard';
import { uniqueName } from './unique-name';
import { useDialogFocus } from './use-dialog-focus';

type Template = RouterOutputs['pipeline']['templates'][number];

const BLANK = 'blank';
const BLANK_NAME = 'Untitled pipeline';
const CATEGORY: Record<Template['category'], string> = {
  classification: 'Classification',
  regression: 'Regression',
  forecasting: 'Forecasting',
};

interface NewPipelineDialogProps {
  projectId: string;
  /** Names of the project's pipelines, so the suggested name is not one of them. */
  takenNames: ReadonlySet<string>;
  onClose: () => void;
}

export function NewPipelineDialog({ projectId, takenNames, onClose }: NewPipelineDialogProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const templates = useQuery(trpc.pipeline.templates.queryOptions(undefined, { staleTime: Infinity }));
  const [choice, setChoice] = useState(BLANK);
  const [name, setName] = useState(() => uniqueName(BLANK_NAME, takenNames));
  // Once a person types a name, choosing another card no longer replaces it.
  const [nameEdited, setNameEdited] = useState(false);
  const create = useMutation(
    trpc.pipeline.create.mutationOptions({
      onSuccess: ({ pipelineId }) => {
        void queryClient.invalidateQueries({ queryKey: trpc.project.get.queryKey({ id: projectId }) });
        router.push(`/pipelines/${encodeURIComponent(pipelineId)}`);
      },
    }),
  );
  const dialog = useRef<HTMLDivElement>(null);
  useDialogFocus(dialog, onClose);

  function choose(value: string) {
    setChoice(value);
    if (!nameEdited) setName(uniqueName(templates.data?.find((t) => t.id === value)?.title ?? BLANK_NAME, takenNames));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ projectId, name, template: choice === BLANK ? undefined : choice });
  }

  const busy = create.isPending || create.isSuccess; // success navigates away; keep the button busy until then
  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center bg-zinc-900/30 p-4 sm:pt-[5vh]" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={dialog}
        tabIndex={-1}
        role="dialog"
        aria-modal="true"
        aria-labelledby="new-pipeline-title"
        aria-describedby="new-pipeline-description"
        data-testid="new-pipeline-dialog"
        className="flex max-h-full w-full max-w-6xl flex-col overflow-hidden rounded-lg border border-zinc-200 bg-zinc-50 shadow-xl outline-none sm:max-h-[90vh]"
      >
        {/* Header and footer stay put; only the cards scroll, so Name and Create are always in view. */}
        <form onSubmit={submit} className="flex min-h-0 flex-1 flex-col">
          <div className="flex shrink-0 items-start justify-between gap-4 border-b border-zinc-200 bg-white px-5 py-4">
            <div>
              <h2 id="new-pipeline-title" className="text-base font-semibold text-zinc-900">
                New pipeline
              </h2>
              <p id="new-pipeline-description" className="mt-0.5 text-sm text-zinc-500">
                Start from a blank canvas, or from a template that runs as it is on bundled sample data.
              </p>
            </div>
            <Button variant="ghost" size="sm" onClick={onClose} aria-label="Close">
              ✕
            </Button>
          </div>

          <fieldset className="min-h-0 flex-1 overflow-y-auto px-5 py-4">
            <legend className="sr-only">Start from</legend>
            <GalleryCard
              name="template"
              value={BLANK}
              checked={choice === BLANK}
              onSelect={choose}
              title="Blank pipeline"
              description="An empty canvas: add nodes from the palette and connect them yourself."
            />
            <h3 className="mt-4 mb-2 text-xs font-medium tracking-wide text-zinc-500 uppercase">Templates</h3>
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
              {templates.data?.map((t) => (
                <GalleryCard
                  key={t.id}
                  name="template"
                  value={t.id}
                  checked={choice === t.id}
                  onSelect={choose}
                  title={t.title}
                  subtitle={t.useCase}
                  description={t.description}
                  facts={[
                    ['Task', CATEGORY[t.category]],
                    ['Dataset', `${t.dataset.description} · ${t.dataset.rows.toLocaleString()} rows`],
                    ['Trains', t.trains],
                    ['Run time', `about ${t.estimatedSeconds} s`],
                  ]}
                />
              ))}
              {templates.isPending ? <div className="h-40 animate-pulse rounded-lg border border-zinc-200 bg-white" aria-label="Loading templates" /> : null}
            </div>
            <InlineError className="mt-3" message={templates.isError ? errorMessage(templates.error) : null} />
          </fieldset>

          <div className="flex shrink-0 flex-col gap-3 border-t border-zinc-200 bg-white px-5 py-4 sm:flex-row sm:items-end">
            <TextField
              label="Name"
              name="pipeline-name"
              autoComplete="off"
              required
              maxLength={200}
              className="flex-1"
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                setNameEdited(true);
              }}
            />
            <div className="flex gap-2">
              <Button onClick={onClose}>Cancel</Button>
              <Button type="submit" variant="primary" disabled={busy || name.trim() === ''} data-testid="template-create">
                {busy ? 'Creating…' : 'Create'}
              </Button>
            </div>
          </div>
          {create.error ? <InlineError className="mx-5 mb-4 shrink-0" message={errorMessage(create.error)} /> : null}
        </form>
      </div>
    </div>
  );
}
