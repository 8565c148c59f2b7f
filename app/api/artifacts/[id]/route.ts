import { downloadArtifact } from '../../../../server/http/artifact-download';
import { checkRequestOrigin } from '../../../../server/http/guard';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return checkRequestOrigin(req) ?? downloadArtifact(req, (await params).id);
}
