import { describe, expect, it } from 'vitest';
import { connectionRefusal } from './connection-rules';
import { sampleDoc, TYPE_INDEX } from './test-fixtures';
import { addNode, connect } from './doc-ops';
import { TYPES } from './test-fixtures';

const attempt = (source: string, sourceHandle: string, target: string, targetHandle: string) => ({ source, sourceHandle, target, targetHandle });

describe('connectionRefusal', () => {
  it('allows a connection of matching kinds into a free input', () => {
    expect(connectionRefusal(sampleDoc(), TYPE_INDEX, attempt('split', 'train', 'train', 'train'))).toBeNull();
  });

  it('refuses a port kind mismatch in plain words', () => {
    const { doc } = addNode(sampleDoc(), TYPES[1], { x: 0, y: 0 });
    expect(connectionRefusal(doc, TYPE_INDEX, attempt('train', 'model', 'filter-rows', 'table'))).toBe('A model output cannot go into a table input');
  });

  it('refuses a second edge into an input, naming the input and the node', () => {
    expect(connectionRefusal(sampleDoc(), TYPE_INDEX, attempt('ingest', 'table', 'clean', 'table'))).toBe(
      "Input 'table' of Clean already has a connection — remove it first",
    );
  });

  it('refuses a self-loop', () => {
    expect(connectionRefusal(sampleDoc(), TYPE_INDEX, attempt('clean', 'table', 'clean', 'table'))).toBe('Clean cannot connect to itself');
  });

  it('refuses a loop and shows it', () => {
    const doc = { ...sampleDoc(), edges: sampleDoc().edges.filter((e) => e.id !== 'e1') };
    // clean → split exists; split.train → clean.table would close the loop.
    expect(connectionRefusal(doc, TYPE_INDEX, attempt('split', 'train', 'clean', 'table'))).toBe(
      'This connection would make a loop (Random split → Clean → Random split); a pipeline must not feed back into itself',
    );
  });

  it('refuses ports that do not exist and nodes of unknown types', () => {
    expect(connectionRefusal(sampleDoc(), TYPE_INDEX, attempt('split', 'nope', 'train', 'train'))).toBe("Random split has no output 'nope'");
    expect(connectionRefusal(sampleDoc(), TYPE_INDEX, attempt('split', 'train', 'train', 'nope'))).toBe("Train logistic regression has no input 'nope'");
    const doc = sampleDoc();
    doc.nodes.push({ id: 'odd', type: 'x/unknown', version: 3, params: {}, position: { x: 0, y: 0 } });
    expect(connectionRefusal(doc, TYPE_INDEX, attempt('split', 'train', 'odd', 'table'))).toBe('odd is an unknown node type (x/unknown v3); its ports cannot be connected');
    expect(connectionRefusal(doc, TYPE_INDEX, attempt('gone', 'table', 'clean', 'table'))).toBe('That node is no longer in the pipeline');
  });

  it('agrees with what connect then allows: a free optional input', () => {
    const first = connect(sampleDoc(), attempt('split', 'train', 'train', 'train')).doc;
    expect(connectionRefusal(first, TYPE_INDEX, attempt('split', 'test', 'train', 'validation'))).toBeNull();
  });
});
