// The monitoring pages' data, derived from the router's outputs so client and server never drift.
import type { RouterOutputs } from '../trpc/router-types';

export type PageTrends = RouterOutputs['monitorPage']['trends'];
export type PageThresholds = PageTrends['thresholds'];
export type PageEndpoint = RouterOutputs['monitorPage']['endpoint'];
export type PageCheck = PageTrends['checks'][number];
