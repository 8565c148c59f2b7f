import { serveBundled } from '../../../../server/http/runner-files';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, { params }: { params: Promise<{ path: string[] }> }) {
  return serveBundled(req, (await params).path);
}
