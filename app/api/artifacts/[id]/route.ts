import { artifactExists, uploadArtifact } from '../../../../server/http/artifact-upload';
import { downloadArtifact } from '../../../../server/http/artifact-download';
import { checkRequestOrigin } from '../../../../server/http/guard';

export const dynamic = 'force-dynamic';

// proxy.ts skips /api/artifacts (an upload's body would otherwise be buffered and cut at 10 MB),
// so each handler checks Host and Origin here, and the session itself.
type Params = { params: Promise<{ id: string }> };

export async function GET(req: Request, { params }: Params) {
  return checkRequestOrigin(req) ?? downloadArtifact(req, (await params).id);
}

/** 200 when the server has the artifact, 404 when an upload would add it. */
export async function HEAD(req: Request, { params }: Params) {
  return checkRequestOrigin(req) ?? artifactExists(req, (await params).id);
}

export async function PUT(req: Request, { params }: Params) {
  return checkRequestOrigin(req) ?? uploadArtifact(req, (await params).id);
}
