import { describe, expect, it } from 'vitest';
import { sniffDelimiter } from './sniff-delimiter';

const sniff = (text: string, complete = true) => sniffDelimiter(new TextEncoder().encode(text), complete);

describe('sniffDelimiter', () => {
  it('finds each supported delimiter', () => {
    expect(sniff('a,b,c\n1,2,3\n')).toBe(',');
    expect(sniff('a;b;c\n1,5;2,5;3\n')).toBe(';');
    expect(sniff('a\tb\n1\t2\n')).toBe('\t');
    expect(sniff('a|b|c\r\n1|2|3\r\n')).toBe('|');
  });

  it('ignores delimiters inside quotes and prefers the consistent split', () => {
    expect(sniff('name;note\n"Smith, J";"a, b, c"\n"Lee";"x"\n')).toBe(';');
    expect(sniff('a,b\n"1;2;3",4\n"5;6;7",8\n')).toBe(',');
  });

  it('falls back to a comma for a single column, and drops a record the sample cut off', () => {
    expect(sniff('value\n1\n2\n')).toBe(',');
    expect(sniff('a;b\n1;2\n3,4,5,6,7,8', false)).toBe(';');
  });
});
