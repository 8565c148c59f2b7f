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
