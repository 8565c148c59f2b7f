import { serveOrtFile } from '../../../server/http/ort-wasm';

// Reads from node_modules at request time; nothing to prerender. proxy.ts has already checked Host
// and Origin and sent visitors without a session to sign-in; the files themselves are public code.
export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ file: string }> };

export async function GET(req: Request, { params }: Params) {
  return serveOrtFile(req, (await params).file);
}

export async function HEAD(req: Request, { params }: Params) {
  return serveOrtFile(req, (await params).file);
}
