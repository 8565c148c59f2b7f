// When a feature counts as drifted. Every figure can be switched off (null) or changed, for all
// features or per feature.
import { z } from 'zod';

const limit = z.number().finite().nonnegative().nullable();

export const driftThresholdsSchema = z
  .object({
    /** Drifted when PSI is above this. */
    psi: limit.default(0.2),
    /** Drifted when the KS p-value is below this (numeric). */
    ksPValue: limit.default(0.01),
    /** Drifted when the KS statistic is above this (numeric); off by default. */
    ksStatistic: limit.default(null),
    /** Drifted when the Wasserstein distance is above this, in the feature's own units; off by default. */
    wasserstein: limit.default(null),
    /** Drifted when the chi-square p-value is below this (categorical). */
    chiSquarePValue: limit.default(0.01),
    /** Drifted when the share of current values in categories training never saw is above this. */
    unseenShare: limit.default(0.05),
    /** Drifted when the missing rate rose by more than this (absolute) over training's. */
    missingRateIncrease: limit.default(0.05),
  })
  .strict();

export type DriftThresholds = z.output<typeof driftThresholdsSchema>;

export const driftSettingsSchema = z
  .object({
    thresholds: driftThresholdsSchema.default(driftThresholdsSchema.parse({})),
    /** Per-feature overrides, by column name. */
    features: z.record(z.string(), driftThresholdsSchema.partial()).default({}),
  })
  .strict();

export type DriftSettings = z.output<typeof driftSettingsSchema>;

export function thresholdsFor(settings: DriftSettings, feature: string): DriftThresholds {
  return { ...settings.thresholds, ...settings.features[feature] };
}
