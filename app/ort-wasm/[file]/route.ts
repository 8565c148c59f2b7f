import { serveOrtFile } from '../../../server/http/ort-wasm';

// Reads from node_modules at request time; nothing to prerender. proxy.ts has already checked Host
// and Origin. The files are public library code, served to anyone by allow-list, with no session.
export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ file: string }> };

export async function GET(req: Request, { params }: Params) {
  return serveOrtFile(req, (await params).file);
}

export async function HEAD(req: Request, { params }: Params) {
  return serveOrtFile(req, (await params).file);
}
