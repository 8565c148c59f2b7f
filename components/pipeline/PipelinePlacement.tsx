'use client';
// The pipeline's placement: where its steps run unless a node says otherwise. 'Auto' follows the
// rules the plan preview explains (big data and server-only nodes on the server, training on a
// real WebGPU adapter in this browser).
import type { PlacementSetting } from '../../engine/node-definition';
import { useEditor, useEditorStore } from '../editor/EditorContext';

const CHOICES: readonly [PlacementSetting, string][] = [
  ['auto', 'Auto'],
  ['browser', 'This browser'],
  ['server', 'Server'],
];

export function PipelinePlacement({ readOnlyReason }: { readOnlyReason: string | null }) {
  const store = useEditorStore();
  const placement = useEditor((s) => s.doc.settings?.placement ?? 'auto');
  return (
    <label className="flex items-center gap-1.5 text-xs text-zinc-500" title={readOnlyReason ?? 'Where steps run unless a node says otherwise; Preview explains each step'}>
      Run in
      <select
        value={placement}
        disabled={readOnlyReason !== null}
        onChange={(e) => store.setPipelinePlacement(e.target.value as PlacementSetting)}
        data-testid="pipeline-placement"
        className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 focus:outline-none disabled:bg-zinc-50 disabled:text-zinc-500"
      >
        {CHOICES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}
