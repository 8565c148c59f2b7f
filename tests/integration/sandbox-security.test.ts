// The sandbox battery (issue 17) against the server sandbox (isolated-vm in a child process): the
// published escapes of vm2 and the usual ways out of a JavaScript sandbox, from the case list the
// browser sandbox runs too (helpers/sandbox-cases.ts; tests/e2e/browser-sandbox.spec.ts). For
// each case: no escape (the host's process, globals and prototypes are untouched), the host
// survives and runs the next case, and the failure comes back as a clear, typed error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxError, type CodeLanguage } from '../../engine/code-sandbox';
import { serverSandbox } from '../../server/sandbox/server-sandbox';
import { BATTERY_LIMITS, caseProblems, reviveArgs, SANDBOX_CASES, type Outcome } from './helpers/sandbox-cases';

const sandbox = serverSandbox();
const hostMarker = `escaped-${process.pid}`;

async function attempt(code: string, args: unknown[], limits = BATTERY_LIMITS, signal?: AbortSignal, language?: CodeLanguage): Promise<Outcome> {
  const started = performance.now();
  try {
    const result = await sandbox.run({ code, language, args: args as never, limits }, signal);
    return { ok: true, value: result.value, logs: result.logs, ms: performance.now() - started };
  } catch (error) {
    if (!(error instanceof SandboxError)) throw error;
    return { ok: false, failure: error.failure, message: error.message, ms: performance.now() - started };
  }
}

beforeAll(async () => {
  (globalThis as Record<string, unknown>).__pipeworksHostMarker = hostMarker;
  await sandbox.warm();
});

afterAll(() => {
  // Nothing any case did reached this process.
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Array.prototype.map.toString()).toContain('[native code]');
  expect((globalThis as Record<string, unknown>).escaped).toBeUndefined();
  expect(process.env.PIPEWORKS_SANDBOX_ESCAPED).toBeUndefined();
});

describe('server sandbox: the battery', () => {
  for (const c of SANDBOX_CASES) {
    it(c.name, { timeout: 60_000 }, async () => {
      const outcome = await attempt(c.code, reviveArgs(c.args) as unknown[], { ...BATTERY_LIMITS, ...c.limits }, undefined, c.language);
      expect(caseProblems(c, 'server', outcome)).toEqual([]);
    });
  }
});

describe('server sandbox: cancelling', () => {
  it('a cancelled run stops its sandbox process at once', async () => {
    const controller = new AbortController();
    const pending = sandbox.run({ code: '() => { for (;;) {} }', args: [], limits: { ...BATTERY_LIMITS, wallMs: 60_000, cpuMs: 60_000 } }, controller.signal);
    setTimeout(() => controller.abort(), 200);
    await expect(pending).rejects.toMatchObject({ failure: 'cancelled' });
    expect(await attempt(`() => 3`, [])).toMatchObject({ ok: true, value: 3 });
  });
});
