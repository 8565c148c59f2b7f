// Builds PipelineDocs for tests from short specs; edges are written "from.output>to.input".
import type { NodeInstance, PipelineDoc } from './document';

type NodeSpec = Partial<NodeInstance> & Pick<NodeInstance, 'id' | 'type'>;

export function testDoc(nodes: NodeSpec[], edges: string[] = [], extra: Partial<PipelineDoc> = {}): PipelineDoc {
  return {
    schemaVersion: 1,
    id: 'test-pipeline',
    name: 'Test pipeline',
    nodes: nodes.map((n, i) => ({ version: 1, params: {}, position: { x: i * 100, y: 0 }, ...n })),
    edges: edges.map((text, i) => {
      const [from, to] = text.split('>');
      const [source, sourceHandle] = from.split('.');
      const [target, targetHandle] = to.split('.');
      return { id: `e${i + 1}`, source, sourceHandle, target, targetHandle };
    }),
    ...extra,
  };
}

/** source → transform → report, the smallest useful valid pipeline. */
export function linearDoc(): PipelineDoc {
  return testDoc(
    [
      { id: 'load', type: 'test/source', params: { dataset: 'iris' } },
      { id: 'scale', type: 'test/transform', params: { factor: 2 } },
      { id: 'report', type: 'test/report' },
    ],
    ['load.table>scale.table', 'scale.table>report.table'],
  );
}
