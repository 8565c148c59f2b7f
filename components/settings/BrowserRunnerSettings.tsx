'use client';
// What this browser brings to running pipelines: its WebGPU adapter, its measured training speed
// per backend (placement 'auto' trains here only where that beats the server) and the artifact cache the browser runner keeps in
// IndexedDB, with its use against the budget and a way to empty it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { openArtifactCache } from '../runner/artifact-cache';
import { fastestFirst } from '../../engine/backend-order';
import { mlpWeights, estimateSeconds, formatSeconds } from '../../engine/training-speed';
import { backendsFromUrl } from '../runner/browser-offer';
import { measuredSpeeds } from '../runner/training-speed';
import { webGpuProbe } from '../runner/webgpu-probe';
import { Button } from '../ui/Button';
import { formatBytes } from '../ui/format';
import { InlineError } from '../ui/InlineError';

const CACHE_KEY = ['browser-artifact-cache'];

async function readCache() {
  const cache = await openArtifactCache();
  try {
    return { usage: await cache.usage(), persistent: cache.persistent, fallbackReason: cache.fallbackReason };
  } finally {
    cache.close();
  }
}

const ADAPTER_WORDS = {
  hardware: 'a GPU adapter',
  software: 'only a software adapter (no GPU)',
  none: 'no adapter: training in this browser uses WebGL, WebAssembly or the CPU',
} as const;

/** The bench MLP's training (80k rows, 20-64-32-1, batch 512, 3 epochs) at each measured speed. */
const BENCH_WORK = { steps: 3 * Math.ceil(80_000 / 512), batch: 512, weights: mlpWeights(20, [64, 32], 1) };

export function BrowserRunnerSettings() {
  const queryClient = useQueryClient();
  const probe = useQuery({ queryKey: ['webgpu-probe'], queryFn: webGpuProbe, staleTime: Infinity });
  const cache = useQuery({ queryKey: CACHE_KEY, queryFn: readCache });
  const clear = useMutation({
    mutationFn: async () => {
      const opened = await openArtifactCache();
      try {
        await opened.clear();
      } finally {
        opened.close();
      }
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: CACHE_KEY }),
  });
  const usage = cache.data?.usage;
  return (
    <section className="flex flex-col gap-3" aria-labelledby="browser-runner-title" data-testid="browser-runner-settings">
      <h2 id="browser-runner-title" className="text-base font-semibold text-zinc-900">
        This browser
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-lg border border-zinc-200 bg-white px-4 py-3 text-sm shadow-sm">
        <dt className="text-zinc-500">WebGPU</dt>
        <dd data-testid="browser-webgpu" data-offer={probe.data?.offer ?? ''}>
          {probe.data ? (
            <>
              {ADAPTER_WORDS[probe.data.offer]}
              {probe.data.adapter ? <span className="ml-1 text-zinc-500">({probe.data.adapter})</span> : null}
            </>
          ) : (
            'Checking…'
          )}
        </dd>
        <dt className="text-zinc-500">Training speed</dt>
        <dd data-testid="browser-training-speed">{probe.data ? <SpeedWords adapter={probe.data.adapter} /> : 'Checking…'}</dd>
        <dt className="text-zinc-500">Artifact cache</dt>
        <dd data-testid="browser-cache-usage">
          {usage ? (
            <>
              {usage.count} artifact{usage.count === 1 ? '' : 's'}, {formatBytes(usage.bytes)} of {formatBytes(usage.budgetBytes)}
              <span className="ml-1 text-zinc-500">
                {cache.data?.persistent ? '(IndexedDB; least recently used go first when full)' : `(memory only: ${cache.data?.fallbackReason ?? 'IndexedDB unavailable'})`}
              </span>
            </>
          ) : cache.isError ? (
            'Unavailable'
          ) : (
            'Reading…'
          )}
        </dd>
      </dl>
      <div className="flex items-center gap-3">
        <Button onClick={() => clear.mutate()} disabled={clear.isPending || !usage || usage.count === 0} data-testid="browser-cache-clear">
          {clear.isPending ? 'Clearing…' : 'Clear the cache'}
        </Button>
        <span className="text-xs text-zinc-500">Runs download what they need again; nothing on the server changes.</span>
      </div>
      <InlineError message={clear.error ? `The cache could not be cleared: ${(clear.error as Error).message}` : null} />
    </section>
  );
}

function SpeedWords({ adapter }: { adapter: string | undefined }) {
  const measured = measuredSpeeds(backendsFromUrl(), adapter);
  // In the order the runner trains in (fastest measured first), so "what runs here" names the backend it uses.
  const speeds = fastestFirst(backendsFromUrl(), measured).speeds;
  if (!measured || !speeds.length) return <>Not measured yet: the plan preview measures it, once, and Auto keeps training on the server until then</>;
  return (
    <>
      The bench MLP would train in{' '}
      {speeds.map((s, i) => `${formatSeconds(estimateSeconds(s, BENCH_WORK))} on ${s.backend}${i === 0 ? ' (what runs here)' : ''}`).join(', ')}
      <span className="ml-1 text-zinc-500">(measured {new Date(measured.measuredAt).toLocaleDateString()}; Auto compares this with the server)</span>
    </>
  );
}
