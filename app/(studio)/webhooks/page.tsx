import type { Metadata } from 'next';
import { WebhooksPage } from '../../../components/webhooks/WebhooksPage';
import { can } from '../../../server/auth/roles';
import { requireUser } from '../require-user';

export const metadata: Metadata = { title: 'Webhooks' };

export default async function Webhooks() {
  const user = await requireUser();
  return <WebhooksPage canManageOrigins={can(user.role, 'settings.manage')} canManageWebhooks={can(user.role, 'deploy.manage')} />;
}
