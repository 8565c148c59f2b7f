import { healthReport } from '../../../server/http/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const report = await healthReport();
  return Response.json(report, { status: report.ok ? 200 : 503 });
}
