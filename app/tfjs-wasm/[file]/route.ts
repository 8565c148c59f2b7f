import { serveTfjsWasm } from '../../../server/http/runner-files';

export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  return serveTfjsWasm((await params).file);
}
