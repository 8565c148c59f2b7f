import type { Metadata } from 'next';
import { PortfolioDashboard } from '../../../components/dashboard/PortfolioDashboard';
import { requireUser } from '../require-user';

export const metadata: Metadata = { title: 'Portfolio' };

export default async function Dashboard() {
  await requireUser();
  return <PortfolioDashboard />;
}
