import { describe, expect, it } from 'vitest';
import { sandboxFrame } from './browser-frame';

describe('the browser sandbox frame document', async () => {
  const frame = await sandboxFrame();

  it('has one inline script, which parses, and the worker source inside it parses too', () => {
    expect(frame.html.match(/<script\b/g)).toHaveLength(1);
    expect(frame.script).not.toMatch(/<\/script/i);
    expect(() => new Function(frame.script)).not.toThrow();
    const worker = JSON.parse(/sandboxFrameMain\(("(?:[^"\\]|\\.)*")\);/.exec(frame.script)![1]) as string;
    expect(() => new Function(worker)).not.toThrow();
    expect(worker).toContain('function pipeworksHarness(limits, lineOffset)');
    expect(worker).toContain('sandboxWorkerMain(pipeworksHarness, stripTypesModule.stripTypes)');
  });

  it('allows that script by its hash, no network, and only the app as its parent', () => {
    expect(frame.policy).toMatch(/^sandbox allow-scripts; default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]{44}' 'unsafe-eval'/);
    expect(frame.policy).toContain("connect-src 'none'");
    expect(frame.policy).toContain("frame-ancestors 'self'");
    expect(frame.policy).not.toMatch(/allow-same-origin|'unsafe-inline'/);
  });
});
