// Where deployment pages live, in one place.
export const deploymentsHref = '/deployments';
export const deploymentHref = (endpointId: string) => `/deployments/${encodeURIComponent(endpointId)}`;
