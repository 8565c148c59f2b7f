import type { Metadata } from 'next';
import { PortfolioDashboard } from '../../../components/dashboard/PortfolioDashboard';
import { HEALTH_RULES } from '../../../server/dashboard/health';
import { portfolio } from '../../../server/dashboard/portfolio';
import { getDb } from '../../../server/db/client';
import { requireUser } from '../require-user';

export const metadata: Metadata = { title: 'Portfolio' };
export const dynamic = 'force-dynamic';

// The cards come with the page (what dashboard.portfolio answers), so the browser draws them
// without a second round trip; the client then refreshes them like any query.
export default async function Dashboard() {
  await requireUser();
  return <PortfolioDashboard initial={{ cards: await portfolio(getDb().anyDb), rules: HEALTH_RULES }} />;
}
