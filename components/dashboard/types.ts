// The dashboards' data, as the router returns it.
import type { RouterOutputs } from '../trpc/router-types';

export type PortfolioView = RouterOutputs['dashboard']['portfolio'];
export type PortfolioCardView = PortfolioView['cards'][number];
export type ModelKpisView = RouterOutputs['dashboard']['model'];
export type ApprovalView = RouterOutputs['dashboard']['approvals'][number];
