import { checkRequestOrigin } from '../../../../server/http/guard';
import { workerConfig } from '../../../../server/http/worker-api';

export const dynamic = 'force-dynamic';

export function GET(req: Request) {
  return checkRequestOrigin(req) ?? workerConfig(req);
}
