// The browser code sandbox's frame (components/sandbox/): a static document under its own strict
// policy, the one response the app lets itself frame (next.config.js leaves this path out of the
// app-wide `frame-ancestors 'none'`). Public: it holds no data and runs nothing until its parent
// hands it code, and a sandboxed frame sends no session anyway.
import { sandboxFrame, type SandboxFrame } from '../../../server/sandbox/browser-frame';

export const dynamic = 'force-dynamic';
let frame: Promise<SandboxFrame> | undefined;

export async function GET(): Promise<Response> {
  frame ??= sandboxFrame();
  const { html, policy } = await frame.catch((error: unknown) => {
    frame = undefined;
    throw error;
  });
  return new Response(html, {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': policy,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
      'cross-origin-resource-policy': 'same-origin',
    },
  });
}
