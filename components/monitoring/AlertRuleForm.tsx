'use client';
// Adding or changing one alert rule: a name, the figure it watches (picked from the figures this
// endpoint has, each with its value in the latest check), the comparison, for how many windows,
// the severity and an optional project webhook. Problems are shown beside the field they are
// about, whether the form or the server found them.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { errorField, errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { formatNumber } from '../ui/format';
import { InlineError } from '../ui/InlineError';
import { ALERT_OPERATORS, breaks } from '../../engine/alert-operators';
import { draftProblem, draftText, fieldOfServer, figureKey, figureLabel, figureOfKey, ruleInput, SEVERITIES, type FieldProblem, type RuleDraft, type RuleField, type RuleFigure } from './rule-draft';

const GROUPS: { group: RuleFigure['group']; label: string }[] = [
  { group: 'feature', label: 'Drift of a feature' },
  { group: 'prediction', label: 'Drift of the predictions' },
  { group: 'decay', label: 'Performance (once labels arrive)' },
  { group: 'health', label: 'Serving health' },
];

const OPERATOR_WORDS: Record<RuleDraft['operator'], string> = { '>': 'above (>)', '>=': 'at or above (≥)', '<': 'below (<)', '<=': 'at or below (≤)' };

export interface AlertRuleFormProps {
  endpointId: string;
  /** Present when changing a rule. */
  ruleId?: string;
  initial: RuleDraft;
  figures: RuleFigure[];
  webhooks: { id: string; name: string }[];
  onDone: () => void;
  onCancel: () => void;
}

export function AlertRuleForm({ endpointId, ruleId, initial, figures, webhooks, onDone, onCancel }: AlertRuleFormProps) {
  const trpc = useTRPC();
  const [draft, setDraft] = useState(initial);
  const [problem, setProblem] = useState<FieldProblem | null>(null);
  const create = useMutation(trpc.alerts.rules.create.mutationOptions({ onSuccess: onDone }));
  const update = useMutation(trpc.alerts.rules.update.mutationOptions({ onSuccess: onDone }));
  const saving = create.isPending || update.isPending;
  const serverError = create.error ?? update.error;
  // A refusal about no field of this form (a missing live version, say) shows below it.
  const shown: { field: RuleField | null; message: string } | null = problem ?? (serverError ? { field: fieldOfServer(errorField(serverError)), message: errorMessage(serverError) } : null);
  const set = (change: Partial<RuleDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setProblem(null);
    create.reset();
    update.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = draftProblem(draft);
    setProblem(found);
    if (found) return;
    if (ruleId) update.mutate({ id: ruleId, ...ruleInput(draft) });
    else create.mutate({ endpointId, ...ruleInput(draft) });
  };
  const chosen = figureOfKey(draft.figure);
  // A saved rule may name a figure the live version no longer has: keep it choosable, marked.
  const known = chosen === null || figures.some((f) => f.metric === chosen.metric && f.feature === chosen.feature);
  const latest = chosen ? figures.find((f) => f.metric === chosen.metric && f.feature === chosen.feature)?.latest ?? null : null;
  const text = draftText(draft);
  const problemAt = (field: RuleField) => (shown?.field === field ? shown.message : null);
  const input = 'h-8 rounded-md border border-zinc-300 px-2 text-sm aria-[invalid=true]:border-red-500';
  return (
    <form onSubmit={submit} className="flex flex-col gap-3 rounded-md border border-zinc-200 bg-zinc-50 p-3 text-sm" data-testid="rule-form" aria-label={ruleId ? 'Change alert rule' : 'New alert rule'} noValidate>
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
        <Field label="Name" problem={problemAt('name')} field="name">
          <input className={input} value={draft.name} onChange={(e) => set({ name: e.target.value })} placeholder="e.g. Amount drifted" aria-invalid={problemAt('name') !== null} data-testid="rule-name" />
        </Field>
        <Field label="Severity" problem={problemAt('severity')} field="severity">
          <select className={input} value={draft.severity} onChange={(e) => set({ severity: e.target.value as RuleDraft['severity'] })} data-testid="rule-severity">
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_1fr]">
        <Field label="Figure" problem={problemAt('figure')} field="figure">
          <select className={input} value={draft.figure} onChange={(e) => set({ figure: e.target.value })} aria-invalid={problemAt('figure') !== null} data-testid="rule-figure">
            <option value="">Choose a figure…</option>
            {!known && chosen ? <option value={draft.figure}>{figureLabel({ group: chosen.feature === '' ? 'decay' : 'feature', ...chosen })} — not a figure of the live version</option> : null}
            {GROUPS.map(({ group, label }) => {
              const inGroup = figures.filter((f) => f.group === group);
              return inGroup.length === 0 ? null : (
                <optgroup key={group} label={label}>
                  {inGroup.map((f) => (
                    <option key={figureKey(f.metric, f.feature)} value={figureKey(f.metric, f.feature)}>
                      {figureLabel(f)}
                      {f.latest === null ? '' : ` — now ${formatNumber(f.latest)}`}
                    </option>
                  ))}
                </optgroup>
              );
            })}
          </select>
        </Field>
        <Field label="Alert when it is" problem={problemAt('operator')} field="operator">
          <select className={input} value={draft.operator} onChange={(e) => set({ operator: e.target.value as RuleDraft['operator'] })} data-testid="rule-operator">
            {ALERT_OPERATORS.map((op) => (
              <option key={op} value={op}>
                {OPERATOR_WORDS[op]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Threshold" problem={problemAt('threshold')} field="threshold">
          <input className={input} inputMode="decimal" value={draft.threshold} onChange={(e) => set({ threshold: e.target.value })} placeholder="e.g. 0.2" aria-invalid={problemAt('threshold') !== null} data-testid="rule-threshold" />
        </Field>
        <Field label="For consecutive checks" problem={problemAt('forWindows')} field="forWindows">
          <input className={input} inputMode="numeric" value={draft.forWindows} onChange={(e) => set({ forWindows: e.target.value })} aria-invalid={problemAt('forWindows') !== null} data-testid="rule-windows" />
        </Field>
      </div>
      <div className="flex flex-wrap items-end gap-4">
        <Field label="Also post to webhook" problem={problemAt('webhook')} field="webhook">
          <select className={input} value={draft.webhookId} onChange={(e) => set({ webhookId: e.target.value })} data-testid="rule-webhook">
            <option value="">none (in-app notification only)</option>
            {webhooks.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </Field>
        <label className="flex h-8 items-center gap-2 text-zinc-700">
          <input type="checkbox" checked={draft.enabled} onChange={(e) => set({ enabled: e.target.checked })} data-testid="rule-enabled" />
          On
        </label>
      </div>
      <p className="text-xs text-zinc-600" data-testid="rule-preview">
        {text ? (
          <>
            Rule: <code className="font-mono text-zinc-900">{text}</code>
            {latest !== null ? ` · now ${formatNumber(latest)} in the latest check, which ${breaks(draft.operator, latest, Number(draft.threshold)) ? 'breaks' : 'keeps'} it` : ''}
          </>
        ) : (
          'Choose a figure and a threshold to see the rule.'
        )}
      </p>
      <InlineError message={shown && shown.field === null ? shown.message : null} />
      <div className="flex items-center gap-2">
        <Button type="submit" variant="primary" size="sm" disabled={saving} data-testid="rule-save">
          {saving ? 'Saving…' : ruleId ? 'Save rule' : 'Add rule'}
        </Button>
        <Button size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function Field({ label, problem, field, children }: { label: string; problem: string | null; field: RuleField; children: ReactNode }) {
  return (
    <label className="flex min-w-0 flex-col gap-1">
      <span className="text-xs font-medium text-zinc-700">{label}</span>
      {children}
      {problem ? (
        <span role="alert" className="text-xs text-red-700" data-testid={`rule-error-${field}`}>
          {problem}
        </span>
      ) : null}
    </label>
  );
}
