// Compile speed on a 1,000-node layered pipeline, against a same-run reference (a JSON
// round trip of the same document), so the figure means something on any machine.
// Run: npx tsx bench/compile.bench.ts
import { pathToFileURL } from 'node:url';
import { compile } from '../engine/compile';
import type { NodeInstance, PipelineDoc } from '../engine/document';
import { createTestRegistry, TEST_ENV } from '../engine/test-registry';

const BAR_MS = 50;

/** `layers` layers of `width` nodes: sources, then transforms and joins reading the layer before. */
export function layeredPipeline(width = 50, layers = 20): PipelineDoc {
  const id = (layer: number, i: number) => `n${String(layer).padStart(2, '0')}-${String(i).padStart(3, '0')}`;
  const nodes: NodeInstance[] = [];
  const edges: PipelineDoc['edges'] = [];
  const wire = (from: string, to: string, handle: string) =>
    edges.push({ id: `e${edges.length}`, source: from, sourceHandle: 'table', target: to, targetHandle: handle });
  for (let layer = 0; layer < layers; layer++) {
    for (let i = 0; i < width; i++) {
      const node = { id: id(layer, i), version: 1, position: { x: layer * 200, y: i * 80 } };
      if (layer === 0) {
        nodes.push({ ...node, type: 'test/source', params: { dataset: `ds-${i}` } });
      } else if (i % 2 === 0) {
        nodes.push({ ...node, type: 'test/transform', params: { factor: layer + i / 10 } });
        wire(id(layer - 1, i), node.id, 'table');
      } else {
        nodes.push({ ...node, type: 'test/join', params: {} });
        wire(id(layer - 1, i), node.id, 'left');
        wire(id(layer - 1, (i + 1) % width), node.id, 'right');
      }
    }
  }
  return { schemaVersion: 1, id: 'bench', name: 'Layered bench pipeline', nodes, edges };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Medians of `a` and `b`, timed alternately so that both see the same machine load. */
function timePair(a: () => unknown, b: () => unknown, iterations: number): [number, number] {
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < iterations; i++) {
    [a, b].forEach((fn, k) => {
      const start = performance.now();
      fn();
      samples[k].push(performance.now() - start);
    });
  }
  return [median(samples[0]), median(samples[1])];
}

export async function benchCompile(iterations = 21) {
  const doc = layeredPipeline();
  const registry = createTestRegistry();
  const run = () => {
    const result = compile(doc, registry, TEST_ENV);
    if (!result.ok) throw new Error(`bench pipeline does not compile: ${result.error[0].message}`);
    return result.value;
  };
  const reference = () => JSON.parse(JSON.stringify(doc));
  timePair(run, reference, 10); // warm-up: let the JIT settle before anything counts
  const [ms, referenceMs] = timePair(run, reference, iterations);
  return {
    name: 'compile 1,000-node layered pipeline',
    nodes: doc.nodes.length,
    edges: doc.edges.length,
    steps: run().steps.length,
    iterations,
    ms,
    referenceMs,
    ratio: ms / referenceMs,
    barMs: BAR_MS,
    pass: ms < BAR_MS,
  };
}

function printTable(rows: Array<[string, string]>): void {
  const left = Math.max(...rows.map(([k]) => k.length));
  const right = Math.max(...rows.map(([, v]) => v.length));
  const line = `+${'-'.repeat(left + 2)}+${'-'.repeat(right + 2)}+`;
  console.log([line, ...rows.map(([k, v]) => `| ${k.padEnd(left)} | ${v.padStart(right)} |`), line].join('\n'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchCompile();
  printTable([
    ['benchmark', r.name],
    ['graph', `${r.nodes} nodes, ${r.edges} edges`],
    ['iterations (median of)', String(r.iterations)],
    ['compile, median', `${r.ms.toFixed(2)} ms`],
    ['reference: JSON round trip, median', `${r.referenceMs.toFixed(2)} ms`],
    ['ratio to reference', `${r.ratio.toFixed(1)}×`],
    ['bar', `< ${r.barMs} ms`],
    ['result', r.pass ? 'PASS' : 'FAIL'],
  ]);
  if (!r.pass) process.exitCode = 1;
}
