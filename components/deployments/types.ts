// The deployment page's data, as the router returns it.
import type { RouterOutputs } from '../trpc/router-types';

export type EndpointView = RouterOutputs['deployments']['get'];
export type DeploymentRow = EndpointView['history'][number];
