import { describe, expect, it } from 'vitest';
import { copyNodes, pasteNodes } from './clipboard';
import { sampleDoc } from './test-fixtures';

describe('copy and paste', () => {
  it('copies the nodes chosen and only the edges between them', () => {
    const clip = copyNodes(sampleDoc(), ['clean', 'split'])!;
    expect(clip.nodes.map((n) => n.id)).toEqual(['clean', 'split']);
    expect(clip.edges.map((e) => e.id)).toEqual(['e2']);
    expect(copyNodes(sampleDoc(), [])).toBeNull();
  });

  it('pastes with new ids, offset positions and the internal edges rewired', () => {
    const doc = sampleDoc();
    const clip = copyNodes(doc, ['clean', 'split'])!;
    const { doc: pasted, nodeIds } = pasteNodes(doc, clip, { x: 40, y: 40 });
    expect(nodeIds).toEqual(['clean-2', 'split-2']);
    expect(pasted.nodes).toHaveLength(6);
    expect(pasted.nodes.find((n) => n.id === 'clean-2')!.position).toEqual({ x: 340, y: 40 });
    expect(pasted.nodes.find((n) => n.id === 'clean-2')!.label).toBe('Clean');
    expect(pasted.edges.at(-1)).toEqual({ id: 'e3', source: 'clean-2', sourceHandle: 'table', target: 'split-2', targetHandle: 'table' });
    const again = pasteNodes(pasted, clip, { x: 80, y: 80 });
    expect(again.nodeIds).toEqual(['clean-3', 'split-3']);
    expect(new Set(again.doc.edges.map((e) => e.id)).size).toBe(again.doc.edges.length);
  });

  it('pastes copies that do not share params with the clipboard', () => {
    const doc = sampleDoc();
    const clip = copyNodes(doc, ['split'])!;
    const { doc: pasted } = pasteNodes(doc, clip, { x: 0, y: 0 });
    (pasted.nodes.at(-1)!.params as Record<string, unknown>).train = 0.5;
    expect(clip.nodes[0].params).toEqual({ train: 0.8 });
    expect(doc.nodes[2].params).toEqual({ train: 0.8 });
  });
});
