import { describe, expect, it } from 'vitest';
import { fakeContext } from '../testing/fake-context';
import { deployNode } from './deploy.node';

const run = (params: object, runtime: 'server' | 'browser' = 'server') =>
  deployNode.run({ inputs: {}, params: deployNode.params.parse({ endpoint: 'fraud-scoring', ...params }), ctx: { ...fakeContext(), runtime } });

describe('deploy/endpoint', () => {
  it('refuses to run in a browser, saying it runs on the server', async () => {
    await expect(run({ model: 'fraud' }, 'browser')).rejects.toThrow(/Deploy runs on the server only/);
  });

  it('needs a model connected or a registered model named', async () => {
    await expect(deployNode.run({ inputs: {}, params: deployNode.params.parse({}), ctx: fakeContext() })).rejects.toThrow(/Name the endpoint/);
    await expect(run({})).rejects.toThrow(/Connect a train step's model, or name a registered model/);
    await expect(run({ model: 'fraud', version: 'production', mode: 'shadow' })).resolves.toEqual({});
  });

  it('refuses endpoint names that cannot go in a URL, and canary shares outside 1..99', () => {
    expect(deployNode.params.safeParse({ endpoint: 'Fraud Scoring' }).success).toBe(false);
    expect(deployNode.params.safeParse({ endpoint: 'fraud-', model: 'm' }).success).toBe(false);
    expect(deployNode.params.safeParse({ endpoint: 'fraud', canaryPercent: 100 }).success).toBe(false);
  });
});
