import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { COLUMN_PARAM_KEY } from '../../engine/columns';
import { codeParam } from '../../nodes/code/code-params';
import { createRegistry } from '../../nodes/registry';
import { emptyChoiceLabel, fieldMessage, fieldOf, humanise, issuesByParam, paramFields, paramOfIssueField, type JsonSchema } from './param-fields';

const schemaOf = (params: z.ZodType) => z.toJSONSchema(params, { io: 'input' }) as JsonSchema;
const of = (port: string) => ({ [COLUMN_PARAM_KEY]: port });

describe('paramFields', () => {
  it('marks a code param (x-code) for the code editor, and leaves other strings plain', () => {
    const [code, name] = paramFields(schemaOf(z.object({ code: codeParam('(cols) => cols', 'The code.'), name: z.string() })));
    expect(code).toMatchObject({ kind: 'string', code: 'javascript', defaultValue: '(cols) => cols' });
    expect(name).not.toHaveProperty('code');
  });

  it('maps numbers, booleans, enums and strings with their ranges, defaults and help', () => {
    const fields = paramFields(
      schemaOf(
        z.object({
          seed: z.number().int().min(0).max(10).default(0).describe('Seed'),
          train: z.number().gt(0).max(1).default(0.75).describe('Train share'),
          importance: z.boolean().default(true).describe('Importance'),
          mode: z.enum(['keep', 'drop']).default('drop').describe('Mode'),
          stratifyBy: z.string().max(200).optional().describe('Column'),
        }),
      ),
    );
    expect(fields).toEqual([
      { name: 'seed', label: 'Seed', description: 'Seed', defaultValue: 0, nullable: false, kind: 'number', integer: true, min: 0, max: 10, exclusiveMin: undefined, exclusiveMax: undefined },
      { name: 'train', label: 'Train', description: 'Train share', defaultValue: 0.75, nullable: false, kind: 'number', integer: false, min: undefined, max: 1, exclusiveMin: 0, exclusiveMax: undefined },
      { name: 'importance', label: 'Importance', description: 'Importance', defaultValue: true, nullable: false, kind: 'boolean' },
      { name: 'mode', label: 'Mode', description: 'Mode', defaultValue: 'drop', nullable: false, kind: 'enum', options: ['keep', 'drop'] },
      { name: 'stratifyBy', label: 'Stratify by', description: 'Column', defaultValue: undefined, nullable: false, kind: 'string', maxLength: 200, pattern: undefined },
    ]);
  });

  it('maps nullable numbers, string lists and lists of objects', () => {
    const [depth, columns, gates] = paramFields(
      schemaOf(
        z.object({
          maxDepth: z.number().int().min(1).nullable().default(null).describe('Depth'),
          columns: z.array(z.string()).default([]).describe('Columns'),
          gates: z
            .array(z.object({ metric: z.string().describe('Metric'), op: z.enum(['>=', '<=']).describe('Op'), value: z.number().describe('Value') }))
            .default([])
            .describe('Gates'),
        }),
      ),
    );
    expect(depth).toMatchObject({ kind: 'number', nullable: true, min: 1, defaultValue: null, description: 'Depth' });
    expect(columns).toMatchObject({ kind: 'string-list', defaultValue: [] });
    expect(gates).toMatchObject({ kind: 'object-list', required: ['metric', 'op', 'value'] });
    expect(gates?.kind === 'object-list' && gates.itemFields.map((f) => [f.name, f.kind])).toEqual([
      ['metric', 'string'],
      ['op', 'enum'],
      ['value', 'number'],
    ]);
  });

  it('reads string-or-number-or-boolean as a scalar, string-only unions as a string', () => {
    const [value, version] = paramFields(
      schemaOf(
        z.object({
          value: z.union([z.string(), z.number(), z.boolean()]).optional().describe('Value'),
          version: z.union([z.literal('latest'), z.string().regex(/^[0-9a-f]{64}$/)]).default('latest').describe('Version'),
        }),
      ),
    );
    expect(value).toMatchObject({ kind: 'scalar' });
    expect(version).toMatchObject({ kind: 'string', defaultValue: 'latest', description: 'Version' });
  });

  it('draws a list of a discriminated union as rows of a kind and that kind\'s fields', () => {
    const union = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('not_null').describe('No missing cells'), column: z.string().min(1).meta(of('table')) }),
      z.object({ kind: z.literal('allowed_values'), column: z.string().meta(of('table')), values: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1) }),
      z.object({ kind: z.literal('schema_match'), columns: z.array(z.object({ name: z.string(), type: z.enum(['int', 'string']) })), allowExtra: z.boolean().default(true) }),
    ]);
    const [checks] = paramFields(schemaOf(z.object({ checks: z.array(union).default([]).describe('Checks') })));
    expect(checks).toMatchObject({ kind: 'variant-list', discriminator: 'kind', defaultValue: [] });
    const variants = checks?.kind === 'variant-list' ? checks.variants : [];
    expect(variants.map((v) => [v.value, v.label, v.required])).toEqual([
      ['not_null', 'Not null', ['column']],
      ['allowed_values', 'Allowed values', ['column', 'values']],
      ['schema_match', 'Schema match', ['columns']],
    ]);
    expect(variants[0].description).toBe('No missing cells');
    expect(variants[0].fields).toMatchObject([{ name: 'column', kind: 'string', columnsOf: { port: 'table', emptyLabel: null } }]);
    expect(variants[1].fields.map((f) => f.kind)).toEqual(['string', 'string-list']);
    expect(variants[2].fields.map((f) => f.kind)).toEqual(['object-list', 'boolean']);
  });

  it('draws the validate node\'s expectations without JSON', () => {
    const validate = createRegistry()
      .list()
      .find((d) => d.type === 'clean/validate');
    const expectations = paramFields(schemaOf(validate!.params)).find((f) => f.name === 'expectations');
    expect(expectations?.kind).toBe('variant-list');
  });

  it('falls back to JSON for what it cannot draw', () => {
    const union = z.union([z.object({ a: z.number() }), z.object({ b: z.string() })]);
    const [mixed, nested] = paramFields(
      schemaOf(z.object({ mixed: z.array(union).default([]).describe('Checks'), nested: z.object({ a: z.number() }).describe('Nested') })),
    );
    expect(mixed?.kind).toBe('json');
    expect(nested?.kind).toBe('json');
    expect(fieldOf('x', {}).kind).toBe('json');
  });

  it('has no fields for a node without params', () => {
    expect(paramFields(schemaOf(z.object({})))).toEqual([]);
    expect(paramFields(undefined)).toEqual([]);
  });
});

describe('column params', () => {
  it('reads the column mark on a string, on list items, on the list, and on fields of list rows', () => {
    const fields = paramFields(
      schemaOf(
        z.object({
          target: z.string().max(200).optional().describe('Column to predict; leave empty to use the column whose role is target').meta(of('train')),
          groupBy: z.string().meta(of('table')).optional().describe('Group column'),
          must: z.string().meta(of('table')).describe('A required column'),
          features: z.array(z.string().meta(of('train'))).optional().describe('Features'),
          subset: z.array(z.string()).default([]).describe('Subset').meta(of('table')),
          plain: z.array(z.string()).default([]).describe('Not columns'),
          conditions: z
            .array(z.object({ column: z.string().min(1).describe('Column').meta(of('table')), note: z.string().optional().meta(of('table')) }))
            .default([])
            .describe('Conditions'),
        }),
      ),
    );
    const by = Object.fromEntries(fields.map((f) => [f.name, f]));
    expect(by.target).toMatchObject({ kind: 'string', columnsOf: { port: 'train', emptyLabel: 'use the column whose role is target' } });
    expect(by.groupBy).toMatchObject({ kind: 'string', columnsOf: { port: 'table', emptyLabel: 'none' } });
    expect(by.must).toMatchObject({ kind: 'string', columnsOf: { port: 'table', emptyLabel: null } });
    expect(by.features).toMatchObject({ kind: 'string-list', columnsOf: { port: 'train' } });
    expect(by.subset).toMatchObject({ kind: 'string-list', columnsOf: { port: 'table' } });
    expect(by.plain).not.toHaveProperty('columnsOf');
    const rows = by.conditions;
    expect(rows?.kind === 'object-list' && rows.itemFields).toMatchObject([
      { name: 'column', kind: 'string', columnsOf: { port: 'table', emptyLabel: null } },
      { name: 'note', kind: 'string', columnsOf: { port: 'table', emptyLabel: 'none' } },
    ]);
  });

  it('finds every column param the real nodes declare, through optional and default wrappers', () => {
    const registry = createRegistry();
    const fieldsOf = (type: string) =>
      paramFields(z.toJSONSchema(registry.get(type)!.params, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
    const marked = (type: string) =>
      fieldsOf(type).flatMap((f) =>
        f.kind === 'object-list'
          ? f.itemFields.flatMap((sub) => ('columnsOf' in sub && sub.columnsOf ? [`${f.name}.${sub.name}`] : []))
          : 'columnsOf' in f && f.columnsOf ? [f.name] : [],
      );
    expect(marked('train/logistic-regression')).toEqual(['target', 'features']);
    expect(marked('split/random')).toEqual(['stratifyBy', 'groupBy']);
    expect(marked('clean/filter-rows')).toEqual(['conditions.column']);
    expect(marked('clean/rename-columns')).toEqual(['renames.from']);
    expect(marked('evaluate/predictions')).toEqual(['target', 'scoreColumns']);
    const split = fieldsOf('split/time')[0];
    expect(split).toMatchObject({ name: 'timeColumn', columnsOf: { port: 'table', emptyLabel: 'use the column whose role is time' } });
  });

  it('marks the dataset node\'s name and version as dataset pickers', () => {
    const fields = paramFields(z.toJSONSchema(createRegistry().get('ingest/dataset')!.params, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
    expect(fields.map((f) => [f.name, f.kind, 'dataset' in f ? f.dataset : undefined])).toEqual([
      ['name', 'string', 'name'],
      ['version', 'string', 'version'],
    ]);
  });

  it('labels the empty choice from what the help says leaving it empty does', () => {
    expect(emptyChoiceLabel('Column whose class proportions every side keeps; leave empty for a plain split')).toBe('none: a plain split');
    expect(emptyChoiceLabel('Column holding the true values; empty uses the column whose role is target')).toBe('use the column whose role is target');
    expect(emptyChoiceLabel('Column whose groups each land wholly on one side')).toBe('none');
  });
});

describe('labels and issue fields', () => {
  it('humanises param names', () => {
    expect(humanise('falseNegativeCost')).toBe('False negative cost');
    expect(humanise('max_depth')).toBe('Max depth');
  });

  it('finds the top-level param an issue names', () => {
    expect(paramOfIssueField('params.seed')).toBe('seed');
    expect(paramOfIssueField('params.gates.0.value')).toBe('gates');
    expect(paramOfIssueField('params')).toBeNull();
    expect(paramOfIssueField('version')).toBeNull();
  });

  it('drops the node name and field path from a message shown under its field', () => {
    expect(fieldMessage('Node "Split" (Random split): params.seed must be at least 0', 'params.seed')).toBe('Must be at least 0');
    expect(fieldMessage('Node "Gate": params.gates.0.value expected a number', 'params.gates.0.value')).toBe('Row 1, value: expected a number');
    expect(fieldMessage('Something else went wrong', 'params.seed')).toBe('Something else went wrong');
  });
});

describe('issuesByParam', () => {
  it('puts an issue under its field, and one about a param the form has no field for above the form, whole', () => {
    const issues = [
      { nodeId: 'ev', field: 'params.threshold', message: 'Node "ev" (Evaluate): params.threshold must be at most 1' },
      { nodeId: 'ev', field: 'params.treshold', message: 'Node "ev" (Evaluate): unknown param "treshold". Did you mean "threshold"?' },
      { nodeId: 'other', field: 'params.threshold', message: 'not this node' },
    ];
    const map = issuesByParam(issues, 'ev', [{ name: 'threshold' }]);
    expect(map.get('threshold')).toEqual(['Must be at most 1']);
    expect(map.get('')).toEqual(['Node "ev" (Evaluate): unknown param "treshold". Did you mean "threshold"?']);
    expect(map.size).toBe(2);
  });
});
