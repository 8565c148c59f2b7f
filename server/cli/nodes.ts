// `pipeworks nodes [--json]` lists the node types; `pipeworks nodes describe <type> [--json]` shows
// one: ports, params (type, default, allowed values, limits, description) and an example node.
import { parseArgs } from 'node:util';
import { closestName } from '../../engine/did-you-mean';
import { describeNode, type NodeDescription, type ParamDescription } from '../../nodes/describe-node';
import { serverRegistry } from '../pipelines/registry';
import { CliError } from './cli-error';

export async function cmdNodes(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true });
  const defs = [...serverRegistry().list()].sort((a, b) => a.type.localeCompare(b.type) || a.version - b.version);
  if (positionals[0] === undefined) {
    const rows = defs.map((d) => ({ type: d.type, version: d.version, title: d.title, category: d.category, inputs: d.inputs.map((p) => `${p.name}:${p.kind}`), outputs: d.outputs.map((p) => `${p.name}:${p.kind}`) }));
    if (values.json) console.log(JSON.stringify(rows, null, 2));
    else {
      const width = Math.max(...rows.map((r) => `${r.type}@${r.version}`.length));
      for (const r of rows) console.log(`${`${r.type}@${r.version}`.padEnd(width)}  ${r.title}  (${r.inputs.join(', ') || 'no inputs'} → ${r.outputs.join(', ') || 'no outputs'})`);
      console.log(`\n${rows.length} node types; pipeworks nodes describe <type> shows one`);
    }
    return 0;
  }
  if (positionals[0] !== 'describe' || positionals.length !== 2) throw new CliError('Usage: pipeworks nodes [--json] | pipeworks nodes describe <type>[@version] [--json]', 2);
  const [type, version] = positionals[1].split('@');
  const ofType = defs.filter((d) => d.type === type);
  if (ofType.length === 0) {
    const guess = closestName(type, new Set(defs.map((d) => d.type)));
    throw new CliError(`There is no node type "${type}".${guess ? ` Did you mean "${guess}"?` : ''} pipeworks nodes lists them all`, 2);
  }
  const def = version === undefined ? ofType[ofType.length - 1] : ofType.find((d) => String(d.version) === version);
  if (!def) throw new CliError(`${type} has no version ${version}; it has ${ofType.map((d) => d.version).join(', ')}`, 2);
  const description = describeNode(def);
  console.log(values.json ? JSON.stringify(description, null, 2) : renderNode(description));
  return 0;
}

function renderNode(d: NodeDescription): string {
  const ports = (list: { name: string; kind: string; optional?: boolean }[]) => list.map((p) => `${p.name} (${p.kind}${p.optional ? ', optional' : ''})`).join(', ') || 'none';
  return [
    `${d.type} version ${d.version}: ${d.title} (${d.category}; runs on ${d.runsOn.join(', ')})`,
    d.description,
    '',
    `Inputs:  ${ports(d.inputs)}`,
    `Outputs: ${ports(d.outputs)}`,
    '',
    d.params.length ? 'Params:' : 'Params: none',
    ...d.params.map(renderParam),
    '',
    'Example (a node in a pipeline file):',
    JSON.stringify(d.example, null, 2),
  ].join('\n');
}

function renderParam(p: ParamDescription): string {
  const facts = [p.type, p.required ? 'required' : null, p.default !== undefined ? `default ${JSON.stringify(p.default)}` : null, p.allowed ? `one of ${p.allowed.map((v) => JSON.stringify(v)).join(', ')}` : null, ...(p.limits ?? []), p.columnsOf ? `a column of the ${p.columnsOf} input` : null];
  return `  ${p.name}: ${facts.filter(Boolean).join('; ')}${p.description ? `\n      ${p.description}` : ''}`;
}
