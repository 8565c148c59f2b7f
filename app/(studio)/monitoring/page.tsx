import type { Metadata } from 'next';
import { MonitoringList } from '../../../components/monitoring/MonitoringList';
import { requireUser } from '../require-user';

export const metadata: Metadata = { title: 'Monitoring' };

export default async function Monitoring() {
  await requireUser();
  return <MonitoringList />;
}
