// The alert rule form's state as typed, and what it becomes: its problems (each naming the form's
// field), the rule's text as the server writes it, and the mutation's input. Pure, so it is tested
// without a browser.
import type { RouterInputs, RouterOutputs } from '../trpc/router-types';
import { figureInfo } from './figure-units';

type CreateInput = RouterInputs['alerts']['rules']['create'];
export type RuleView = RouterOutputs['alerts']['rules']['list'][number];
export type RuleFigure = RouterOutputs['alerts']['rules']['figures']['figures'][number];
export type Operator = RuleView['operator'];
export type Severity = RuleView['severity'];

export const SEVERITIES = ['info', 'warning', 'critical'] as const satisfies readonly Severity[];
export const MAX_WINDOWS = 100;

export type RuleField = 'name' | 'figure' | 'operator' | 'threshold' | 'forWindows' | 'severity' | 'webhook';

export interface RuleDraft {
  name: string;
  /** figureKey(metric, feature), '' when none is chosen. */
  figure: string;
  operator: Operator;
  threshold: string;
  forWindows: string;
  severity: Severity;
  /** '' for none. */
  webhookId: string;
  enabled: boolean;
}

export interface FieldProblem {
  field: RuleField;
  message: string;
}

/** Feature names are free text, so the key is JSON rather than a joined string. */
export const figureKey = (metric: string, feature: string) => JSON.stringify([metric, feature]);

export function figureOfKey(key: string): { metric: string; feature: string } | null {
  if (key === '') return null;
  const [metric, feature] = JSON.parse(key) as [string, string];
  return { metric, feature };
}

export const emptyDraft = (): RuleDraft => ({ name: '', figure: '', operator: '>', threshold: '', forWindows: '1', severity: 'warning', webhookId: '', enabled: true });

export function draftOf(rule: RuleView): RuleDraft {
  return {
    name: rule.name,
    figure: figureKey(rule.metric, rule.feature),
    operator: rule.operator,
    threshold: String(rule.threshold),
    forWindows: String(rule.forWindows),
    severity: rule.severity,
    webhookId: rule.webhookId ?? '',
    enabled: rule.enabled,
  };
}

/** The first thing wrong with the draft, naming its field, or null. The server checks again. */
export function draftProblem(draft: RuleDraft): FieldProblem | null {
  if (draft.name.trim() === '') return { field: 'name', message: 'Name: give the rule a name, e.g. "Amount drifted"' };
  if (draft.figure === '') return { field: 'figure', message: 'Figure: choose what the rule watches' };
  const threshold = draft.threshold.trim();
  if (threshold === '' || !Number.isFinite(Number(threshold))) return { field: 'threshold', message: threshold === '' ? 'Threshold: write the number the figure is compared with' : `Threshold: "${threshold}" is not a number` };
  const windows = Number(draft.forWindows.trim());
  if (!Number.isInteger(windows) || windows < 1 || windows > MAX_WINDOWS) return { field: 'forWindows', message: `Windows: "${draft.forWindows}" must be a whole number from 1 to ${MAX_WINDOWS}` };
  return null;
}

/** The mutation's input for a draft without problems. */
export function ruleInput(draft: RuleDraft): Omit<CreateInput, 'endpointId'> {
  const figure = figureOfKey(draft.figure);
  if (!figure) throw new Error('ruleInput needs a figure; check draftProblem first');
  return {
    name: draft.name.trim(),
    severity: draft.severity,
    webhookId: draft.webhookId === '' ? null : draft.webhookId,
    enabled: draft.enabled,
    rule: { metric: figure.metric, feature: figure.feature, operator: draft.operator, threshold: Number(draft.threshold.trim()), forWindows: Number(draft.forWindows.trim()) },
  };
}

/** The rule as text, as the server writes it (`psi(amount) > 0.2 for 2 windows`); null until it can be written. */
export function draftText(draft: RuleDraft): string | null {
  const figure = figureOfKey(draft.figure);
  const threshold = Number(draft.threshold.trim());
  const windows = Number(draft.forWindows.trim());
  if (!figure || draft.threshold.trim() === '' || !Number.isFinite(threshold) || !Number.isInteger(windows) || windows < 1) return null;
  const subject = figure.feature === '' ? figure.metric : `${figure.metric}(${figure.feature})`;
  return `${subject} ${draft.operator} ${threshold}${windows > 1 ? ` for ${windows} windows` : ''}`;
}

/** Which form field a server refusal is about ('feature', 'rule.threshold', 'webhookId', …). */
export function fieldOfServer(field: string | undefined): RuleField | null {
  switch (field) {
    case 'name':
      return 'name';
    case 'metric':
    case 'feature':
    case 'text':
    case 'rule':
    case 'rule.metric':
    case 'rule.feature':
      return 'figure';
    case 'rule.operator':
      return 'operator';
    case 'rule.threshold':
      return 'threshold';
    case 'rule.forWindows':
      return 'forWindows';
    case 'severity':
      return 'severity';
    case 'webhookId':
      return 'webhook';
    default:
      return null;
  }
}

/** "PSI of amount", "PSI of the predictions", "ROC AUC": a figure in words for the picker. */
export function figureLabel(f: Pick<RuleFigure, 'group' | 'metric' | 'feature'>): string {
  const { label, unit } = figureInfo(f.metric);
  const unitText = unit && unit !== 'index' ? ` (${unit})` : '';
  if (f.group === 'prediction') return `${label} of the predictions${unitText}`;
  if (f.feature !== '') return `${label} of ${f.feature}${unitText}`;
  return `${label}${unitText}`;
}
