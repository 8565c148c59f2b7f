import { checkRequestOrigin } from '../../../../../server/http/guard';
import { workerArtifactGet, workerArtifactPut } from '../../../../../server/http/worker-api';

export const dynamic = 'force-dynamic';

// proxy.ts skips /api/worker (a body passing through it is buffered and cut at 10 MB), so Host and
// Origin are checked here; the worker token is checked by each handler.
type Params = { params: Promise<{ id: string }> };

export async function GET(req: Request, { params }: Params) {
  return checkRequestOrigin(req) ?? workerArtifactGet(req, (await params).id);
}

export async function HEAD(req: Request, { params }: Params) {
  return checkRequestOrigin(req) ?? workerArtifactGet(req, (await params).id, true);
}

export async function PUT(req: Request, { params }: Params) {
  return checkRequestOrigin(req) ?? workerArtifactPut(req, (await params).id);
}
