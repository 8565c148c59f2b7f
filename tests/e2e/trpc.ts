// tRPC over HTTP with the page's session cookie (superjson's wire format, no special types), for
// the few checks a spec makes behind the UI: what the server stored, and what it refuses.
import { expect, type APIRequestContext } from '@playwright/test';

const url = (baseUrl: string, path: string) => `${baseUrl}/api/trpc/${path}`;

/** A mutation as it is sent, with the HTTP status and the parsed body, whatever the outcome. */
export async function trpcPost(request: APIRequestContext, baseUrl: string, path: string, input: unknown): Promise<{ status: number; body: any }> {
  const res = await request.post(url(baseUrl, path), { data: { json: input } });
  return { status: res.status(), body: await res.json() };
}

export async function trpcQuery(request: APIRequestContext, baseUrl: string, path: string, input: unknown) {
  const res = await request.get(`${url(baseUrl, path)}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()).result.data.json;
}

export async function trpcMutate(request: APIRequestContext, baseUrl: string, path: string, input: unknown) {
  const { status, body } = await trpcPost(request, baseUrl, path, input);
  expect(status, JSON.stringify(body)).toBe(200);
  return body.result.data.json;
}

/** pipeline.save based on the pipeline's latest version (0 when it is new), as an editor that just opened it would. */
export async function savePipeline(request: APIRequestContext, baseUrl: string, input: { projectId: string; doc: { id: string } & Record<string, unknown>; message?: string }) {
  const versions = (await trpcQuery(request, baseUrl, 'pipeline.versions', { id: input.doc.id })) as { version: number }[];
  return trpcMutate(request, baseUrl, 'pipeline.save', { ...input, baseVersion: versions[0]?.version ?? 0 });
}
