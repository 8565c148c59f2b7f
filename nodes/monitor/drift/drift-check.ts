// A drift check: every feature of the current window, and the model's outputs, against the
// stored reference profile.
import { categoricalDrift } from './categorical-drift';
import { columnFromCells, type CurrentColumn } from './current-window';
import type { DriftReport, FeatureDrift } from './drift-result';
import { thresholdsFor, type DriftSettings } from './drift-thresholds';
import { numericDrift } from './numeric-drift';
import type { FeatureReference, ReferenceProfile } from './reference-types';

export interface CurrentWindow {
  rows: number;
  /** One column per reference feature, in any order, matched by name. */
  columns: readonly CurrentColumn[];
  /** The model's answers (a label or a number per row), or null when not logged. */
  predictions: readonly unknown[] | null;
}

export function driftCheck(profile: ReferenceProfile, window: CurrentWindow, settings: DriftSettings): DriftReport {
  const byName = new Map(window.columns.map((c) => [c.name, c]));
  const features = profile.features.map((ref) => {
    const column = byName.get(ref.name);
    if (!column) throw new Error(`The current window has no column "${ref.name}"`);
    return featureDrift(ref, column, settings);
  });
  const prediction =
    profile.target && window.predictions ? featureDrift(profile.target, columnFromCells(profile.target, window.predictions), settings) : null;
  const driftedFeatures = features.filter((f) => f.drifted).map((f) => f.name);
  return { rows: window.rows, features, prediction, drifted: driftedFeatures.length > 0 || !!prediction?.drifted, driftedFeatures };
}

function featureDrift(ref: FeatureReference, column: CurrentColumn, settings: DriftSettings): FeatureDrift {
  const t = thresholdsFor(settings, ref.name);
  if (ref.kind === 'numeric' && column.kind === 'numeric') return numericDrift(ref, column.values, column.invalid, t);
  if (ref.kind === 'categorical' && column.kind === 'categorical') return categoricalDrift(ref, column.values, column.invalid, t);
  throw new Error(`Column "${ref.name}" is ${column.kind} in the current window but ${ref.kind} in the reference`);
}
