import { healthReport } from '../../../server/http/health';

export const dynamic = 'force-dynamic';

export function GET() {
  const report = healthReport();
  return Response.json(report, { status: report.ok ? 200 : 503 });
}
