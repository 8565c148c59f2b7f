'use client';
// A node's output ports: pick one to see its artifact, its size, a download and a preview. A step
// that reports a loss while it trains shows its loss curve first, live while it runs.
import { useEffect, useRef, useState } from 'react';
import { formatBytes, shortId } from '../ui/format';
import { ArtifactPreview } from './ArtifactPreview';
import { LossCurve } from './LossCurve';
import type { PortInfo, StepView } from './pipeline-types';
import { portColor } from './port-kinds';
import { RegisterModel } from './RegisterModel';

interface NodeOutputsProps {
  ports: PortInfo[];
  step: StepView | undefined;
  /** An output to open and scroll to, e.g. when a port on the canvas was clicked. */
  focusPort?: string;
  /** Offer "Register model" on model outputs of this run's step (roles that may register). */
  register?: { runId: string; stepId: string; suggestion?: string };
}

export function NodeOutputs({ ports, step, focusPort, register }: NodeOutputsProps) {
  const [chosen, setChosen] = useState<string | null>(focusPort ?? null);
  // A newly focused port overrides the one picked by hand; set while rendering, as React advises
  // for state that follows a prop, so the right preview renders in the same pass.
  const [focused, setFocused] = useState(focusPort);
  if (focusPort !== focused) {
    setFocused(focusPort);
    if (focusPort) setChosen(focusPort);
  }
  const sectionRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusPort) sectionRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [focusPort]);

  if (ports.length === 0) return null;
  const outputs = step?.outputs ?? {};
  const current = ports.find((p) => p.name === chosen) ?? ports.find((p) => outputs[p.name]) ?? ports[0];
  const artifact = outputs[current.name];

  return (
    <>
      {step?.progressSeries ? <LossCurve step={step} /> : null}
      <section ref={sectionRef} aria-labelledby="outputs-heading" className="scroll-mt-2">
        <h3 id="outputs-heading" className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase">
          Outputs
        </h3>
        {ports.length > 1 ? (
          <div role="tablist" aria-label="Output ports" className="mb-2 inline-flex rounded-md bg-zinc-100 p-0.5">
            {ports.map((p) => (
              <button
                key={p.name}
                type="button"
                role="tab"
                aria-selected={p.name === current.name}
                onClick={() => setChosen(p.name)}
                className={`flex items-center gap-1.5 rounded px-2.5 py-1 text-xs font-medium ${p.name === current.name ? 'bg-white text-zinc-900 shadow-sm' : 'text-zinc-500 hover:text-zinc-800'}`}
              >
                <span aria-hidden className="size-2 rounded-full" style={{ background: portColor(p.kind) }} />
                {p.label ?? p.name}
              </button>
            ))}
          </div>
        ) : null}

        <div className="flex items-center gap-2 rounded-md border border-zinc-200 px-3 py-2 text-xs" data-testid={`output-${current.name}`}>
          <span className="flex items-center gap-1.5 font-medium text-zinc-800">
            <span aria-hidden className="size-2 rounded-full" style={{ background: portColor(current.kind) }} />
            {current.label ?? current.name}
          </span>
          <span className="text-zinc-400">{current.kind}</span>
          {artifact ? (
            <>
              <span className="font-mono text-zinc-600" title={artifact.id}>
                {shortId(artifact.id, 12)}
              </span>
              <span className="text-zinc-500 tabular-nums">{formatBytes(artifact.size)}</span>
              <a href={`/api/artifacts/${artifact.id}`} download className="ml-auto font-medium text-indigo-600 hover:text-indigo-500" data-testid="artifact-download">
                Download
              </a>
            </>
          ) : (
            <span className="ml-auto text-zinc-400">{step ? 'No artifact' : 'Not produced yet'}</span>
          )}
        </div>

        {artifact && register && current.kind === 'model' && (step?.status === 'succeeded' || step?.status === 'cached') ? (
          <div className="mt-2">
            <RegisterModel key={`${register.runId}:${current.name}`} runId={register.runId} stepId={register.stepId} output={current.name} suggestion={register.suggestion} />
          </div>
        ) : null}
        {artifact ? <ArtifactPreview key={artifact.id} id={artifact.id} /> : null}
      </section>
    </>
  );
}
