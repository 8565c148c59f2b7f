import { uploadDataset } from '../../../../server/http/dataset-upload';
import { checkRequestOrigin } from '../../../../server/http/guard';

export const dynamic = 'force-dynamic';

// proxy.ts skips this route (its body would otherwise be buffered, and cut at 10 MB), so the
// Host and Origin checks happen here.
export async function POST(req: Request) {
  return checkRequestOrigin(req) ?? uploadDataset(req);
}
