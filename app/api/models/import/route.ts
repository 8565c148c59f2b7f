import { checkRequestOrigin } from '../../../../server/http/guard';
import { importModel } from '../../../../server/http/model-import';

export const dynamic = 'force-dynamic';

// proxy.ts skips this route (its body would otherwise be buffered, and cut at 10 MB), so the
// Host and Origin checks happen here.
export async function POST(req: Request) {
  return checkRequestOrigin(req) ?? importModel(req);
}
