import type { Metadata } from 'next';
import { ApiKeys } from '../../../components/settings/ApiKeys';
import { requireUser } from '../require-user';

export const metadata: Metadata = { title: 'Settings' };

// Every role may manage its own keys, so there is no permission check beyond being signed in.
export default async function SettingsPage() {
  const user = await requireUser();
  return <ApiKeys role={user.role} />;
}
