'use client';
// One user: change the role at once; disabling asks for a second click to confirm.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { formatDateTime } from '../ui/format';
import { RoleSelect } from './RoleSelect';
import { isSessionRole } from './roles';

export interface UserListItem {
  id: string;
  email: string;
  name: string;
  role: string;
  createdAt: number;
  disabledAt: number | null;
}

export function UserRow({ user, isSelf }: { user: UserListItem; isSelf: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.user.list.queryKey() });
  const setRole = useMutation(trpc.user.setRole.mutationOptions({ onSettled: refresh }));
  const disable = useMutation(trpc.user.disable.mutationOptions({ onSettled: refresh }));
  const disabled = user.disabledAt !== null;
  const error = setRole.error ?? disable.error;

  return (
    <tr className={disabled ? 'bg-zinc-50/70 text-zinc-400' : ''} data-testid={`user-${user.email}`}>
      <td className="px-4 py-2.5">
        <div className={`font-medium ${disabled ? 'text-zinc-500' : 'text-zinc-900'}`}>
          {user.name}
          {isSelf ? <span className="ml-2 text-xs font-normal text-zinc-400">you</span> : null}
        </div>
        <div className="text-xs text-zinc-500">{user.email}</div>
        {error ? (
          <p role="alert" className="mt-1 text-xs text-red-700">
            {errorMessage(error)}
          </p>
        ) : null}
      </td>
      <td className="px-4 py-2.5">
        <label className="sr-only" htmlFor={`role-${user.id}`}>
          Role of {user.email}
        </label>
        <RoleSelect
          id={`role-${user.id}`}
          className="h-8"
          value={user.role}
          disabled={isSelf || disabled || setRole.isPending}
          title={isSelf ? 'You cannot change your own role' : undefined}
          onChange={(e) => isSessionRole(e.target.value) && setRole.mutate({ userId: user.id, role: e.target.value })}
        />
      </td>
      <td className="px-4 py-2.5 text-zinc-500">{formatDateTime(user.createdAt)}</td>
      <td className="px-4 py-2.5">
        {disabled ? (
          <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs text-zinc-500">Disabled {formatDateTime(user.disabledAt)}</span>
        ) : (
          <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs text-emerald-700">Active</span>
        )}
      </td>
      <td className="px-4 py-2.5 text-right">
        {disabled || isSelf ? null : confirming ? (
          <span className="inline-flex gap-1.5">
            <Button size="sm" variant="danger" onClick={() => disable.mutate({ userId: user.id })} disabled={disable.isPending}>
              {disable.isPending ? 'Disabling…' : 'Confirm'}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
              Keep
            </Button>
          </span>
        ) : (
          <Button size="sm" variant="secondary" onClick={() => setConfirming(true)}>
            Disable
          </Button>
        )}
      </td>
    </tr>
  );
}
