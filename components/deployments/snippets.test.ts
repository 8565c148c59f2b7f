import { describe, expect, it } from 'vitest';
import { snippet, type SnippetInput } from './snippets';

const input: SnippetInput = {
  servingUrl: 'http://127.0.0.1:3001',
  endpoint: 'fraud-scoring',
  key: 'pw_ep_abc',
  columns: [
    { name: 'amount', type: 'numeric', role: 'feature' },
    { name: 'merchant', type: 'categorical', role: 'feature' },
    { name: 'online', type: 'boolean', role: 'feature' },
  ],
  row: { amount: 12.5, merchant: "o'reilly true", online: null },
};

describe('snippet', () => {
  it('writes a curl call to V2 infer with one tensor per column and the key as a bearer token', () => {
    const text = snippet('curl', 'v2', input);
    expect(text).toContain("curl -sS -X POST 'http://127.0.0.1:3001/v2/models/fraud-scoring/infer'");
    expect(text).toContain("-H 'Authorization: Bearer pw_ep_abc'");
    expect(text).toContain(`{"name":"amount","shape":[1],"datatype":"FP64","data":[12.5]}`);
    // The single quote inside a value must not end the shell string.
    expect(text).toContain(`"data":["o'\\''reilly true"]`);
  });

  it('writes Python with None for missing values but leaves words inside strings alone', () => {
    const text = snippet('python', 'mlflow', input);
    expect(text).toContain('"http://127.0.0.1:3001/endpoints/fraud-scoring/invocations"');
    expect(text).toContain('"online": None');
    expect(text).toContain(`"merchant": "o'reilly true"`);
  });

  it('writes JavaScript whose body is the same JSON', () => {
    const text = snippet('javascript', 'mlflow', input);
    expect(text).toContain('"dataframe_records": [');
    expect(text).toContain('Authorization: "Bearer pw_ep_abc"');
  });
});
