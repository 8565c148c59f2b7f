// Display names for metric keys; unknown keys fall back to the key with spaces.
const LABELS: Record<string, string> = {
  accuracy: 'Accuracy',
  precision: 'Precision',
  recall: 'Recall',
  f1: 'F1',
  roc_auc: 'ROC AUC',
  roc_auc_weighted: 'ROC AUC (weighted)',
  pr_auc: 'Average precision',
  log_loss: 'Log loss',
  brier: 'Brier score',
  cost_per_1000: 'Cost per 1,000',
  baseline_saving_pct: 'Saving vs best baseline (%)',
  precision_macro: 'Precision (macro)',
  recall_macro: 'Recall (macro)',
  f1_macro: 'F1 (macro)',
  precision_weighted: 'Precision (weighted)',
  recall_weighted: 'Recall (weighted)',
  f1_weighted: 'F1 (weighted)',
  rmse: 'RMSE',
  mse: 'MSE',
  mae: 'MAE',
  r2: 'R²',
  mape: 'MAPE',
};

export function metricLabel(key: string): string {
  return LABELS[key] ?? key.replaceAll('_', ' ');
}

const OPS: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<' };

export function opSymbol(op: string): string {
  return OPS[op] ?? op;
}
