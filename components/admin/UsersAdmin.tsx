'use client';
// User management for administrators: who has access, with which role. The server enforces it too.
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { InlineError } from '../ui/InlineError';
import { PageBody } from '../ui/PageBody';
import { PageHeader } from '../ui/PageHeader';
import { AddUserForm } from './AddUserForm';
import { UserRow, type UserListItem } from './UserRow';

export function UsersAdmin({ currentUserId }: { currentUserId: string }) {
  const trpc = useTRPC();
  const usersQuery = useQuery(trpc.user.list.queryOptions());
  const users: UserListItem[] | undefined = usersQuery.data;

  return (
    <PageBody>
      <PageHeader title="Users" description="People who can sign in, and what their role lets them do." />
      <div className="mt-6 flex flex-col gap-6">
        <AddUserForm />
        {usersQuery.isError ? (
          <InlineError message={errorMessage(usersQuery.error)} />
        ) : !users ? (
          <div className="h-40 animate-pulse rounded-lg border border-zinc-200 bg-white" />
        ) : (
          <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-sm">
            <table className="w-full text-sm" data-testid="user-list">
              <thead className="bg-zinc-50 text-left text-xs text-zinc-500">
                <tr>
                  <th scope="col" className="px-4 py-2.5 font-medium">User</th>
                  <th scope="col" className="px-4 py-2.5 font-medium">Role</th>
                  <th scope="col" className="px-4 py-2.5 font-medium">Created</th>
                  <th scope="col" className="px-4 py-2.5 font-medium">Status</th>
                  <th scope="col" className="px-4 py-2.5 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {users.map((u) => (
                  <UserRow key={u.id} user={u} isSelf={u.id === currentUserId} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </PageBody>
  );
}
