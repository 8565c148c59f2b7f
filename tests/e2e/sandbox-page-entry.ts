// Bundled by browser-sandbox.spec.ts (esbuild) and evaluated in the real app page: the app's own
// browser sandbox client and frame opener, driven case by case through window.__sandboxBattery.
import { BrowserSandbox } from '../../components/sandbox/browser-sandbox';
import { openSandboxFrame } from '../../components/sandbox/open-frame';
import { SandboxError, type CodeLanguage, type SandboxLimits } from '../../engine/code-sandbox';
import { plainForm, reviveArgs, type Outcome } from '../integration/helpers/sandbox-cases';

const sandbox = new BrowserSandbox(openSandboxFrame);

async function run(code: string, args: unknown[] | undefined, limits: Partial<SandboxLimits>, abortAfterMs?: number, language?: CodeLanguage): Promise<Outcome> {
  const controller = new AbortController();
  if (abortAfterMs !== undefined) setTimeout(() => controller.abort(), abortAfterMs);
  const started = performance.now();
  try {
    const result = await sandbox.run({ code, language, args: reviveArgs(args) as never, limits }, controller.signal);
    return { ok: true, value: plainForm(result.value), logs: result.logs, ms: performance.now() - started };
  } catch (error) {
    if (!(error instanceof SandboxError)) return { ok: false, failure: 'crashed', message: `NOT A SandboxError: ${String(error)}`, ms: 0 };
    return { ok: false, failure: error.failure, message: error.message, ms: performance.now() - started };
  }
}

/** What an escape would change in the page: its prototypes, its globals, its session. */
function host() {
  return {
    polluted: Object.getOwnPropertyNames(Object.prototype).includes('polluted'),
    escaped: 'escaped' in window,
    nativeMap: Array.prototype.map.toString().includes('[native code]'),
    frames: document.querySelectorAll('iframe[sandbox="allow-scripts"]').length,
  };
}

(window as unknown as { __sandboxBattery: unknown }).__sandboxBattery = { run, host };
