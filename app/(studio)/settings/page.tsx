import type { Metadata } from 'next';
import Link from 'next/link';
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
        <section aria-labelledby="webhooks-link-title" className="flex flex-col gap-1">
          <h2 id="webhooks-link-title" className="text-base font-semibold text-zinc-900">
            Webhooks
          </h2>
          <p className="text-sm text-zinc-600">
            Where alerts are posted besides the studio&apos;s notifications: the origins an admin allows, and each project&apos;s webhooks.{' '}
            <Link href="/webhooks" className="font-medium text-indigo-700 hover:underline">
              Open webhooks
            </Link>
          </p>
        </section>
      </div>
    </PageBody>
  );
}
