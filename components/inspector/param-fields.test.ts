import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldMessage, fieldOf, humanise, paramFields, paramOfIssueField, type JsonSchema } from './param-fields';

const schemaOf = (params: z.ZodType) => z.toJSONSchema(params, { io: 'input' }) as JsonSchema;

describe('paramFields', () => {
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

  it('falls back to JSON for what it cannot draw', () => {
    const union = z.discriminatedUnion('kind', [z.object({ kind: z.literal('a') }), z.object({ kind: z.literal('b'), n: z.number() })]);
    const [expectations, nested] = paramFields(
      schemaOf(z.object({ expectations: z.array(union).default([]).describe('Checks'), nested: z.object({ a: z.number() }).describe('Nested') })),
    );
    expect(expectations?.kind).toBe('json');
    expect(nested?.kind).toBe('json');
    expect(fieldOf('x', {}).kind).toBe('json');
  });

  it('has no fields for a node without params', () => {
    expect(paramFields(schemaOf(z.object({})))).toEqual([]);
    expect(paramFields(undefined)).toEqual([]);
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
