// Where the dashboards live.
export const dashboardHref = '/dashboard';
export const approvalsHref = '/dashboard/approvals';
export const modelKpisHref = (endpointId: string) => `/dashboard/models/${encodeURIComponent(endpointId)}`;
export const exportHref = (format: 'pdf' | 'png') => `/api/dashboard/export?format=${format}`;
