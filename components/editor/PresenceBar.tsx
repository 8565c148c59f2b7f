'use client';
// Presence in the editor: beside the save state, who else has this pipeline open (initials, with
// names); under the header, when a teammate saved a version newer than the one this editor is on,
// a notice offering to pull their changes in now, before the two sets of edits can clash.
import { useState } from 'react';
import { errorMessage } from '../trpc/error-message';
import { Button } from '../ui/Button';
import { formatTime } from '../ui/format';
import { useEditor } from './EditorContext';
import type { PresenceSnapshot } from './use-presence';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');

export function PresenceBar({ snapshot, userId }: { snapshot: PresenceSnapshot | null; userId: string }) {
  const others = (snapshot?.viewers ?? []).filter((v) => v.userId !== userId);
  if (others.length === 0) return null;
  const names = others.map((o) => o.name);
  const sentence = names.length === 1 ? `${names[0]} is here too` : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} are here too`;
  return (
    <span className="flex shrink-0 items-center gap-1.5 text-xs" data-testid="presence" title={`Also has this pipeline open: ${names.join(', ')}`}>
      <span className="flex -space-x-1.5" aria-hidden>
        {others.slice(0, 4).map((o) => (
          <span key={o.userId} className="flex size-6 items-center justify-center rounded-full bg-violet-600 text-[10px] font-semibold text-white ring-2 ring-white">
            {initials(o.name)}
          </span>
        ))}
      </span>
      <span className="max-w-[200px] truncate text-zinc-600" data-testid="presence-names">
        {sentence}
      </span>
    </span>
  );
}

interface NewerVersionNoticeProps {
  snapshot: PresenceSnapshot | null;
  userId: string;
  /** Off for people who cannot edit: they have no edits to merge, and their canvas follows the latest by itself. */
  canPull: boolean;
  onPull: (version: number) => Promise<void>;
}

export function NewerVersionNotice({ snapshot, userId, canPull, onPull }: NewerVersionNoticeProps) {
  const version = useEditor((s) => s.save.version);
  // While a clash waits in the conflict dialog, that dialog is the one thing to answer.
  const conflicted = useEditor((s) => s.save.conflict !== null);
  const [pulling, setPulling] = useState(false);
  const [pullError, setPullError] = useState<string | null>(null);
  const latest = snapshot?.latest;
  const newer = canPull && !conflicted && latest && latest.version > version && latest.authorId !== userId ? latest : null;
  if (!newer) return null;
  return (
    <div className="mt-2 flex items-center gap-2 rounded-md bg-sky-50 px-3 py-1 text-xs text-sky-900" role="status" data-testid="presence-newer">
      <span>
        {newer.author} saved v{newer.version} at {formatTime(newer.createdAt)}; you are on v{version}. Your edits and theirs are merged when you save, or now:
      </span>
      <Button
        size="sm"
        variant="secondary"
        className="!h-6 !px-2"
        disabled={pulling}
        data-testid="presence-pull"
        onClick={async () => {
          setPulling(true);
          setPullError(null);
          await onPull(newer.version)
            .catch((error: unknown) => setPullError(errorMessage(error)))
            .finally(() => setPulling(false));
        }}
      >
        {pulling ? 'Pulling…' : 'Pull their changes in'}
      </Button>
      {pullError ? <span className="text-red-700">Pull failed: {pullError}</span> : null}
    </div>
  );
}
