'use client';
// An endpoint's alert rules: each with its text, severity, webhook and the watched figure's value
// in the latest check; people who may deploy add, change, turn off and on, and delete them (the
// server checks the role again). Everyone else reads them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { ConfirmButton } from '../ui/ConfirmButton';
import { formatNumber } from '../ui/format';
import { InlineError } from '../ui/InlineError';
import { AlertRuleForm } from './AlertRuleForm';
import { breaks } from '../../engine/alert-operators';
import { draftOf, emptyDraft, figureLabel, type RuleFigure, type RuleView } from './rule-draft';

const SEVERITY_LOOK: Record<RuleView['severity'], string> = {
  info: 'bg-zinc-100 text-zinc-700',
  warning: 'bg-amber-100 text-amber-900',
  critical: 'bg-red-100 text-red-800',
};

export function AlertRules({ endpointId, projectId, canManage }: { endpointId: string; projectId: string; canManage: boolean }) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const rules = useQuery(trpc.alerts.rules.list.queryOptions({ endpointId }));
  const figures = useQuery(trpc.alerts.rules.figures.queryOptions({ endpointId }));
  const webhooks = useQuery(trpc.webhooks.list.queryOptions({ projectId }));
  // 'new', a rule id being changed, or null.
  const [editing, setEditing] = useState<string | null>(null);
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: trpc.alerts.rules.pathKey() }), client.invalidateQueries({ queryKey: trpc.training.listTriggers.pathKey() })]);
  const done = () => {
    setEditing(null);
    void refresh();
  };
  const figureList = figures.data?.figures ?? [];
  const hooks = webhooks.data ?? [];
  const error = rules.error ?? figures.error ?? webhooks.error;
  return (
    <section id="rules" aria-labelledby="rules-heading" className="flex scroll-mt-4 flex-col gap-2" data-testid="alert-rules">
      <div className="flex items-center gap-3">
        <h2 id="rules-heading" className="text-sm font-semibold text-zinc-900">
          Alert rules
        </h2>
        {canManage && editing === null ? (
          <Button size="sm" className="ml-auto" onClick={() => setEditing('new')} disabled={!figures.data} data-testid="rule-add">
            Add rule
          </Button>
        ) : null}
      </div>
      <p className="text-xs text-zinc-500">
        A rule opens an alert when its figure breaks the threshold in the given number of consecutive checks, tells everyone who can see the project, and posts to the webhook if it has one. It resolves by itself when a check recovers.
        {canManage ? '' : ' Only people who may deploy change rules.'}
      </p>
      {figures.data?.note ? <p className="text-xs text-amber-800">{figures.data.note}</p> : null}
      <InlineError message={error ? errorMessage(error) : null} />
      {editing === 'new' ? <AlertRuleForm endpointId={endpointId} initial={emptyDraft()} figures={figureList} webhooks={hooks} onDone={done} onCancel={() => setEditing(null)} /> : null}
      {rules.isSuccess && rules.data.length === 0 && editing !== 'new' ? <p className="text-sm text-zinc-500">No rules: this endpoint opens no alerts yet.</p> : null}
      <ul className="flex flex-col divide-y divide-zinc-100">
        {rules.data?.map((rule) =>
          editing === rule.id ? (
            <li key={rule.id} className="py-2">
              <AlertRuleForm endpointId={endpointId} ruleId={rule.id} initial={draftOf(rule)} figures={figureList} webhooks={hooks} onDone={done} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <RuleRow key={rule.id} rule={rule} figures={figureList} webhookName={hooks.find((w) => w.id === rule.webhookId)?.name ?? null} canManage={canManage} busy={editing !== null} onEdit={() => setEditing(rule.id)} onChanged={refresh} />
          ),
        )}
      </ul>
    </section>
  );
}

function RuleRow({ rule, figures, webhookName, canManage, busy, onEdit, onChanged }: { rule: RuleView; figures: RuleFigure[]; webhookName: string | null; canManage: boolean; busy: boolean; onEdit: () => void; onChanged: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const toggle = useMutation(trpc.alerts.rules.setEnabled.mutationOptions({ onSuccess: onChanged }));
  const remove = useMutation(trpc.alerts.rules.delete.mutationOptions({ onSuccess: onChanged }));
  const figure = figures.find((f) => f.metric === rule.metric && f.feature === rule.feature);
  const latest = figure?.latest ?? null;
  return (
    <li className="flex flex-col gap-1 py-2 text-sm" data-testid="rule-row" data-enabled={rule.enabled}>
      <div className="flex flex-wrap items-center gap-2">
        <span className={`font-medium ${rule.enabled ? 'text-zinc-900' : 'text-zinc-400 line-through'}`}>{rule.name}</span>
        <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-800" data-testid="rule-text">
          {rule.text}
        </code>
        <span className={`rounded px-1.5 py-0.5 text-xs ${SEVERITY_LOOK[rule.severity]}`}>{rule.severity}</span>
        {!rule.enabled ? <span className="rounded bg-zinc-100 px-1.5 text-xs text-zinc-600">off</span> : null}
        {canManage ? (
          <span className="ml-auto flex items-center gap-2">
            <Button size="sm" onClick={() => toggle.mutate({ id: rule.id, enabled: !rule.enabled })} disabled={toggle.isPending || busy} data-testid="rule-toggle">
              {rule.enabled ? 'Turn off' : 'Turn on'}
            </Button>
            <Button size="sm" onClick={onEdit} disabled={busy} data-testid="rule-edit">
              Edit
            </Button>
            <ConfirmButton
              label="Delete"
              consequence="The rule, its alerts, and any retrain trigger that follows it go."
              confirmLabel="Delete"
              pending={remove.isPending}
              onConfirm={() => remove.mutate({ id: rule.id })}
              testId="rule-delete"
            />
          </span>
        ) : null}
      </div>
      <p className="text-xs text-zinc-500">
        Watches {figure ? figureLabel(figure) : `${rule.feature === '' ? rule.metric : `${rule.metric}(${rule.feature})`}, which the live version no longer has`}
        {latest !== null ? ` · now ${formatNumber(latest)}, ${breaks(rule.operator, latest, rule.threshold) ? 'breaking it' : 'within it'}` : ' · no value in the latest check'}
        {webhookName ? ` · posts to ${webhookName}` : ''}
      </p>
      <InlineError message={toggle.error ? errorMessage(toggle.error) : remove.error ? errorMessage(remove.error) : null} />
    </li>
  );
}
