import { checkRequestOrigin } from '../../../../server/http/guard';
import { workerHeartbeat } from '../../../../server/http/worker-api';

export const dynamic = 'force-dynamic';

export async function POST(req: Request) {
  return checkRequestOrigin(req) ?? workerHeartbeat(req);
}
