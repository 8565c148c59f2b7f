// On a run that reproduces another: per step, whether its cache key and its output artifacts are
// the same as the original's. Deterministic steps should match on both.
import Link from 'next/link';
import { shortId } from '../ui/format';
import { runHref } from './run-links';

interface Check {
  stepId: string;
  label: string | null;
  deterministic: boolean;
  sameKey: boolean;
  sameOutputs: boolean | null;
  status: string | null;
}

export function ReproductionCheck({ original, check }: { original: { id: string; name: string | null; status: string }; check: readonly Check[] | null }) {
  return (
    <section className="rounded-lg border border-sky-200 bg-sky-50/50 px-4 py-3 text-sm" data-testid="reproduction-check">
      <p className="mb-2 text-zinc-700">
        Reproduces{' '}
        <Link href={runHref(original.id)} className="font-medium text-sky-700 hover:underline">
          {original.name ?? `run ${shortId(original.id)}`}
        </Link>
        : the same pipeline version on the same dataset versions.
      </p>
      {check ? (
        <table className="w-full text-xs">
          <thead className="text-left text-zinc-500">
            <tr>
              <th className="py-1 font-medium">Step</th>
              <th className="py-1 font-medium">Cache key</th>
              <th className="py-1 font-medium">Outputs</th>
            </tr>
          </thead>
          <tbody>
            {check.map((c) => (
              <tr key={c.stepId} data-testid={`repro-${c.stepId}`}>
                <td className="py-0.5 text-zinc-800">{c.label ?? c.stepId}</td>
                <td className={c.sameKey ? 'text-emerald-700' : 'text-amber-800'}>{c.deterministic ? (c.sameKey ? 'same' : 'different') : 'not cacheable'}</td>
                <td className={c.sameOutputs ? 'text-emerald-700' : c.sameOutputs === false ? (c.deterministic ? 'text-red-700' : 'text-zinc-500') : 'text-zinc-400'}>
                  {c.sameOutputs === null ? 'not finished' : c.sameOutputs ? 'identical bytes' : c.deterministic ? 'different bytes' : 'different (not deterministic)'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
