'use client';
// Preview, Run and Cancel, and the state of the run on show. Viewers see Run disabled with the
// reason; every role may preview what a run would reuse and what it would run. Both work on the
// saved version, so unsaved edits are saved first (`prepare`).
import { useCallback, useState } from 'react';
import { cannotRunReason } from '../editor/role-words';
import { Button } from '../ui/Button';
import { formatDuration } from '../ui/format';
import { StatusBadge } from '../ui/StatusBadge';
import { Tooltip } from '../ui/Tooltip';
import type { RunView } from './pipeline-types';
import { PlanPreview } from './PlanPreview';

interface RunControlsProps {
  pipelineId: string;
  /** The saved version a run and a preview use. */
  version: number;
  role: string;
  run: RunView | undefined;
  live: boolean;
  canRun: boolean;
  canCancel: boolean;
  blockedReason: string | null;
  starting: boolean;
  cancelling: boolean;
  onRun: () => void;
  onCancel: () => void;
  /** Continues an interrupted run from its last finished step. */
  onResume: (where: 'server' | 'browser') => void;
  resuming: boolean;
  /** Saves unsaved work; resolves false when that failed (the save status says why). */
  prepare: () => Promise<boolean>;
}

export function RunControls({ pipelineId, version, role, run, live, canRun, canCancel, blockedReason, starting, cancelling, onRun, onCancel, onResume, resuming, prepare }: RunControlsProps) {
  const reason = !canRun ? cannotRunReason(role) : blockedReason;
  const runDisabled = reason !== null || starting || live;
  const [previewing, setPreviewing] = useState(false);
  const closePreview = useCallback(() => setPreviewing(false), []);
  return (
    <div className="flex items-center gap-3">
      <div className="flex min-w-[180px] items-center justify-end gap-2 text-xs text-zinc-500">
        {run ? (
          <>
            <span className="tabular-nums">{runTiming(run)}</span>
            <StatusBadge status={run.status} data-testid="run-status" />
          </>
        ) : null}
      </div>
      {run?.status === 'interrupted' && canRun ? (
        <Tooltip text={run.errorMessage ?? 'The browser tab running it went away'}>
          <span className="flex items-center gap-1" data-testid="resume-controls">
            <Button onClick={() => onResume('server')} disabled={resuming} data-testid="resume-server">
              Resume on server
            </Button>
            <Button onClick={() => onResume('browser')} disabled={resuming} data-testid="resume-browser">
              Resume here
            </Button>
          </span>
        </Tooltip>
      ) : null}
      {live && canCancel ? (
        // Someone else's run, for an analyst: shown disabled with the server's reason, not offered
        // only to be refused with a 403.
        <Tooltip text={run?.cancelRefusal ?? null}>
          <Button variant="danger" onClick={onCancel} disabled={cancelling || Boolean(run?.cancelRefusal)} data-testid="cancel-button">
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </Button>
        </Tooltip>
      ) : null}
      <Button onClick={() => void prepare().then((ok) => ok && setPreviewing(true))} data-testid="preview-button">
        Preview
      </Button>
      {previewing ? (
        <PlanPreview
          pipelineId={pipelineId}
          version={version}
          runBlockedReason={reason ?? (live ? 'A run is in progress' : starting ? 'Starting…' : null)}
          onRun={() => {
            onRun();
            closePreview();
          }}
          onClose={closePreview}
        />
      ) : null}
      <Tooltip text={reason}>
        {/* Wide enough for "Running…" and "Starting…", so nothing beside it moves when a run starts. */}
        <Button variant="primary" onClick={onRun} disabled={runDisabled} data-testid="run-button" className="min-w-[7.75rem]">
          <PlayIcon />
          {starting ? 'Starting…' : live ? 'Running…' : 'Run'}
        </Button>
      </Tooltip>
    </div>
  );
}

function runTiming(run: RunView): string {
  if (run.startedAt == null) return 'Waiting to start';
  if (run.finishedAt == null) return run.status === 'interrupted' ? 'Waiting to resume' : 'In progress';
  return formatDuration(run.finishedAt - run.startedAt);
}

function PlayIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden className="size-3.5 fill-current">
      <path d="M4.5 2.8v10.4a.6.6 0 0 0 .9.5l8.3-5.2a.6.6 0 0 0 0-1L5.4 2.3a.6.6 0 0 0-.9.5Z" />
    </svg>
  );
}
