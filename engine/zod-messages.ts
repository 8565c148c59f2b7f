// Plain-language messages for node params, passed to safeParse as its error map. A message a
// node author wrote on the schema still wins (zod ranks schema messages above this map).
import type { z } from 'zod';

const TYPE_NAMES: Record<string, string> = {
  int: 'an integer',
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
  bigint: 'an integer',
};

export const humanZodMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return bound(issue.origin, 'at least', 'greater than', issue.minimum, issue.inclusive, issue.exact);
    case 'too_big':
      return bound(issue.origin, 'at most', 'less than', issue.maximum, issue.inclusive, issue.exact);
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${show(issue.values[0])}`
        : `must be one of ${issue.values.map(show).join(', ')}`;
    case 'unrecognized_keys':
      return `has unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map(show).join(', ')}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_format':
      return issue.format === 'regex' ? 'is not in the expected format' : `must be a valid ${issue.format}`;
    case 'invalid_union':
      return 'does not match any of the allowed forms';
    default:
      return undefined; // zod's own wording for the rest
  }
};

function bound(
  origin: string,
  inclusiveWord: string,
  exclusiveWord: string,
  limit: number | bigint,
  inclusive = true,
  exact = false,
): string {
  const n = String(limit);
  const word = exact ? 'exactly' : inclusive ? inclusiveWord : exclusiveWord;
  switch (origin) {
    case 'string':
      if (limit === 1 && word === 'at least') return 'must not be empty';
      return `must have ${word} ${n} character${n === '1' ? '' : 's'}`;
    case 'array':
    case 'set':
      if (limit === 1 && word === 'at least') return 'must have at least one item';
      return `must have ${word} ${n} item${n === '1' ? '' : 's'}`;
    default:
      return `must be ${exact ? '' : `${word} `}${n}`;
  }
}

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}
