import type { Metadata } from 'next';
import { ApiKeys } from '../../../components/settings/ApiKeys';
import { BrowserRunnerSettings } from '../../../components/settings/BrowserRunnerSettings';
import { CacheSettings } from '../../../components/settings/CacheSettings';
import { PageBody } from '../../../components/ui/PageBody';
import { PageHeader } from '../../../components/ui/PageHeader';
import { requireUser } from '../require-user';

export const metadata: Metadata = { title: 'Settings' };

// Every role may manage its own keys, so there is no permission check beyond being signed in.
export default async function SettingsPage() {
  const user = await requireUser();
  return (
    <PageBody>
      <PageHeader title="Settings" description="Personal API keys let your scripts and CI jobs call Pipeworks as you; this browser runs pipeline steps too." />
      <div className="mt-6 flex flex-col gap-10">
        <ApiKeys role={user.role} />
        <BrowserRunnerSettings />
        <CacheSettings canManage={user.role === 'admin'} />
      </div>
    </PageBody>
  );
}
