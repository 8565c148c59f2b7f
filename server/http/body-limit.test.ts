import { describe, expect, it } from 'vitest';
import { withBoundedBody, MAX_TRPC_BODY_BYTES } from '../api/trpc-precheck';
import { readBodyUpTo } from './body-limit';

/** A body sent in chunks with no length: what a client's chunked transfer looks like to a route. */
function chunked(chunks: number, size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent++ === chunks) controller.close();
      else controller.enqueue(new Uint8Array(size).fill(32));
    },
  });
}

describe('readBodyUpTo', () => {
  it('returns the whole body up to the limit and null past it', async () => {
    expect((await readBodyUpTo(chunked(3, 10), 30))?.byteLength).toBe(30);
    expect(await readBodyUpTo(chunked(3, 10), 29)).toBeNull();
  });
});

describe('withBoundedBody', () => {
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request('http://127.0.0.1/api/trpc/project.create', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

  it('answers 413 to a chunked body over 10 MB, which has no Content-Length to check first', async () => {
    const answer = await withBoundedBody(post(chunked(11, 1024 * 1024)));
    expect(answer).toBeInstanceOf(Response);
    const res = answer as Response;
    expect(res.status).toBe(413);
    expect((await res.json()).error.json.message).toMatch(/request too large: at most 10 MB/i);
  });

  it('answers 413 from the Content-Length alone, and passes a body under the limit on whole', async () => {
    expect(((await withBoundedBody(post('{}', { 'content-length': String(MAX_TRPC_BODY_BYTES + 1) }))) as Response).status).toBe(413);
    const passed = await withBoundedBody(post(chunked(2, 1000)));
    expect(passed).toBeInstanceOf(Request);
    expect((await (passed as Request).arrayBuffer()).byteLength).toBe(2000);
  });
});
