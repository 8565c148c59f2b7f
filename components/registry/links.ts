// Where registry things live in the app, in one place.
export const modelHref = (modelId: string) => `/models/${encodeURIComponent(modelId)}`;
export const versionHref = (modelId: string, version: number) => `${modelHref(modelId)}/versions/${version}`;
export const pipelineHref = (pipelineId: string) => `/pipelines/${encodeURIComponent(pipelineId)}`;
export const datasetLineageHref = (datasetVersionId: string) => `/lineage/datasets/${encodeURIComponent(datasetVersionId)}`;
