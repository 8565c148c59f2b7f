// Every signed-in page and the studio layout call this: layouts and pages render independently,
// so each checks the session itself.
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { resolveUser } from '../../server/api/context';
import type { SessionUser } from '../../components/shell/session-user';

export async function requireUser(): Promise<SessionUser> {
  const user = await resolveUser(await headers());
  if (!user) redirect('/login');
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
