// Where run pages live in the app, in one place.
export const runHref = (runId: string) => `/runs/${encodeURIComponent(runId)}`;
export const compareHref = (runIds: readonly string[]) => `/runs/compare?ids=${runIds.map(encodeURIComponent).join(',')}`;
export const pipelineRunsHref = (pipelineId: string) => `/pipelines/${encodeURIComponent(pipelineId)}/runs`;
export const projectRunsHref = (projectId: string) => `/projects/${encodeURIComponent(projectId)}/runs`;
/** The editor with one run chosen: its states on the canvas, its version shown read only when older. */
export const editorRunHref = (pipelineId: string, runId: string) => `/pipelines/${encodeURIComponent(pipelineId)}?run=${encodeURIComponent(runId)}`;

/** Run ids from a compare URL's `ids` parameter: comma-separated, blanks and repeats dropped. */
export function parseRunIds(value: string | string[] | undefined): string[] {
  const text = Array.isArray(value) ? value.join(',') : (value ?? '');
  return [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
}
