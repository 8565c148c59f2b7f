// The compare page's overlays: each run's ROC and PR curves and loss series as one list of named
// series per chart, so ten runs' curves share one plot. A run with one evaluation is named by the
// run alone; with several (or a multiclass evaluation) the step and class are added.
import { lossSeries } from '../pipeline/loss-series';
import type { CurveSource } from '../charts/curve-rows';

interface Curves {
  stepId: string;
  label: string | null;
  roc: { label: string; auc: number; fpr: number[]; tpr: number[] }[];
  pr: { label: string; averagePrecision: number; prevalence: number; recall: number[]; precision: number[] }[];
}

interface Loss {
  stepId: string;
  label: string | null;
  series: { t: number; fraction: number; data: Record<string, number> }[];
}

export interface RunCurves {
  name: string;
  curves: Curves[];
  losses: Loss[];
}

export interface OverlaySeries extends CurveSource {
  run: number;
  /** AUC or average precision, for the legend. */
  score: number | null;
}

/** Most series one chart draws; ten runs of a binary task fit, a multiclass tangle is cut. */
export const MAX_OVERLAY = 20;

function seriesName(run: RunCurves, curves: { stepId: string; label: string | null }, many: boolean, cls: string | null): string {
  const parts = [run.name];
  if (many) parts.push(curves.label ?? curves.stepId);
  if (cls) parts.push(cls);
  return parts.join(' · ');
}

export function overlayCurves(runs: readonly RunCurves[], kind: 'roc' | 'pr'): OverlaySeries[] {
  const out: OverlaySeries[] = [];
  runs.forEach((run, i) => {
    const many = run.curves.length > 1;
    for (const c of run.curves) {
      const list = kind === 'roc' ? c.roc : c.pr;
      for (const s of list) {
        const cls = list.length > 1 ? s.label : null;
        if ('fpr' in s) out.push({ run: i, label: seriesName(run, c, many, cls), x: s.fpr, y: s.tpr, thresholds: [], score: s.auc });
        else out.push({ run: i, label: seriesName(run, c, many, cls), x: s.recall, y: s.precision, thresholds: [], score: s.averagePrecision });
      }
    }
  });
  return out;
}

export interface LossOverlay {
  xLabel: string;
  labels: { key: string; label: string; run: number; validation: boolean }[];
  rows: Record<string, number>[];
}

/** Every run's training loss (and validation loss) by epoch or iteration, as rows keyed by x. */
export function overlayLosses(runs: readonly RunCurves[]): LossOverlay | null {
  const labels: LossOverlay['labels'] = [];
  const byX = new Map<number, Record<string, number>>();
  const xLabels = new Set<string>();
  runs.forEach((run, i) => {
    const many = run.losses.length > 1;
    run.losses.forEach((l, j) => {
      const series = lossSeries(l.series);
      if (!series || series.rows.length < 2) return;
      xLabels.add(series.xLabel);
      const name = many ? `${run.name} · ${l.label ?? l.stepId}` : run.name;
      const lossKey = `l${i}_${j}`;
      const valKey = `v${i}_${j}`;
      labels.push({ key: lossKey, label: name, run: i, validation: false });
      if (series.hasValidation) labels.push({ key: valKey, label: `${name} (validation)`, run: i, validation: true });
      for (const row of series.rows) {
        const at = byX.get(row.x) ?? { x: row.x };
        if (row.loss !== undefined) at[lossKey] = row.loss;
        if (row.valLoss !== undefined) at[valKey] = row.valLoss;
        byX.set(row.x, at);
      }
    });
  });
  if (labels.length === 0) return null;
  return { xLabel: xLabels.size === 1 ? [...xLabels][0] : 'Step', labels, rows: [...byX.values()].sort((a, b) => a.x - b.x) };
}
