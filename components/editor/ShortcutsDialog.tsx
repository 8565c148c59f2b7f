'use client';
// The "?" dialog: every keyboard shortcut the canvas answers to, from the same list the key
// handler reads.
import { Button } from '../ui/Button';
import { Modal } from './Modal';
import { SHORTCUTS } from './shortcuts';

function modKey(): string {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘' : 'Ctrl';
}

export function ShortcutsDialog({ canEdit, onClose }: { canEdit: boolean; onClose: () => void }) {
  const mod = modKey();
  const shown = SHORTCUTS.filter((s) => canEdit || !s.edits);
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} testId="shortcuts-dialog" className="w-full max-w-lg">
      <table className="w-full text-sm">
        <tbody className="divide-y divide-zinc-100">
          {shown.map((s) => (
            <tr key={s.id}>
              <td className="py-1.5 pr-4 whitespace-nowrap">
                {s.keys.map((combo, i) => (
                  <span key={combo.join('+')}>
                    {i > 0 ? <span className="mx-1 text-xs text-zinc-400">or</span> : null}
                    {combo.map((k) => (
                      <kbd key={k} className="mr-0.5 inline-block min-w-6 rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 text-center font-mono text-[11px] text-zinc-700 shadow-[0_1px_0_#d4d4d8]">
                        {k === 'Mod' ? mod : k}
                      </kbd>
                    ))}
                  </span>
                ))}
              </td>
              <td className="py-1.5 text-zinc-700">{s.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-3 text-xs text-zinc-500">Shortcuts do nothing while you type in a field. Shift-drag on the canvas selects a box of nodes; Shift-click adds a node to the selection.</p>
      <div className="mt-4 flex justify-end">
        <Button onClick={onClose}>Close</Button>
      </div>
    </Modal>
  );
}
