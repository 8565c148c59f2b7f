import { checkRequestOrigin } from '../../../../../server/http/guard';
import { workerArtifactsMissing } from '../../../../../server/http/worker-api';

export const dynamic = 'force-dynamic';

// proxy.ts skips /api/worker, so Host and Origin are checked here; the handler checks the token.
export async function POST(req: Request) {
  return checkRequestOrigin(req) ?? workerArtifactsMissing(req);
}
