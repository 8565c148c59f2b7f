// A queue worker's headless browser (`pipeworks worker --browser`): Chromium driven through
// Playwright, loading the browser step runner's page (components/runner/headless-page.ts) from a
// loopback server of the worker's own. It measures its TF.js backends once at start, which the
// worker advertises (capabilities.ts), and then runs the browser-placed steps of runs no tab drives.
//
// The loopback server answers only under a random path, so another local user cannot read or
// plant artifacts through it. It serves the page, its script, TF.js's wasm binaries, the node
// bundle's files, and the worker's local store: inputs the worker fetched before the step, and
// outputs the page hands back, checked against their hash before they are kept.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { HeadlessMessage, HeadlessProbe } from '../../engine/headless-protocol';
import type { StepOutcome } from '../../nodes/step-runner';
import { NodeRunError } from '../../engine/errors';
import type { StepHooks } from '../../engine/execute-types';
import type { ArtifactRef, PlanStep } from '../../engine/plan';
import { estimateSeconds } from '../../engine/training-speed';
import { REFERENCE_WORK } from '../../engine/backend-order';
import type { PoolStepResult } from '../runners/worker-pool';
import { artifactPath, isArtifactId, sha256Hex, writeArtifactBytes } from '../store/artifact-files';
import { browserBuildOptions, freshBrowserScript } from '../../bin/cli-build.mjs';

/** Flags every launch gets; `--no-sandbox` only as root, where Chromium's own sandbox refuses to start. */
export const BROWSER_ARGS = ['--enable-unsafe-webgpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const WASM_DIR = path.join('node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist');
/** The probe on SwiftShader's WebGPU takes tens of seconds on a small machine; past this the worker does not start. */
const PROBE_TIMEOUT_MS = 300_000;
const MAX_UPLOAD_BYTES = 2 ** 31;

export interface HeadlessBrowserOptions {
  /** Chromium's executable. */
  executablePath: string;
  /** Extra Chromium flags (e.g. --enable-features=Vulkan on a GPU machine). */
  extraArgs?: readonly string[];
  /** The repository root: nodes/ (bundled files) and node_modules (TF.js's wasm) are under it. */
  root: string;
  /** The page's script, built by bin/cli-build.mjs. */
  pageScript: string;
  log?: (line: string) => void;
  /**
   * The browser went away on its own (crashed, killed): its steps fail and are retried elsewhere,
   * and the worker, which still advertises a browser, should stop rather than take more.
   */
  onGone?: (reason: string) => void;
}

/**
 * The page's script: the build beside the CLI when it matches the sources (`npm run build` or
 * `build:cli` made it), else bundled now into a temporary folder, saying why (as under `next dev`).
 */
export async function headlessPageScript(root: string, log: (line: string) => void): Promise<{ file: string; dispose(): Promise<void> }> {
  const built = freshBrowserScript(root, 'headless-page');
  if (built.file) return { file: built.file, dispose: () => Promise.resolve() };
  log(`[worker] bundling the headless browser's page now (${built.reason}); \`npm run build:cli\` builds it ahead`);
  const dir = await mkdtemp(path.join(tmpdir(), 'pipeworks-headless-page-'));
  const { build } = await import('esbuild');
  await build(browserBuildOptions(root, dir));
  return { file: path.join(dir, 'headless-page.js'), dispose: () => rm(dir, { recursive: true, force: true }) };
}

type Page = import('playwright-core').Page;
type Browser = import('playwright-core').Browser;

export class HeadlessBrowser {
  private readonly messages = new Map<string, (message: HeadlessMessage) => void>();
  /** One step at a time: steps in one page would switch TF.js's backend under each other and share one GPU. */
  private queue: Promise<unknown> = Promise.resolve();
  private nextJob = 0;
  /** The worker's local store (its LocalArtifactCache folder): inputs are read from it, outputs written to it. */
  private storeDir: string | undefined;
  private closing = false;
  /** Why the browser is gone, once it is: later steps fail at once (and are retried elsewhere). */
  private gone: string | undefined;

  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
    private readonly server: Server,
    readonly probe: HeadlessProbe,
    /** e.g. "Chromium 156.0.8078.129". */
    readonly version: string,
  ) {}

  static async launch(options: HeadlessBrowserOptions): Promise<HeadlessBrowser> {
    const secret = randomBytes(16).toString('hex');
    const holder: { self?: HeadlessBrowser } = {};
    const server = createServer((req, res) => void serve(options, () => holder.self?.storeDir, secret, req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${secret}/`;
    let browser: Browser | undefined;
    try {
      const { chromium } = await import('playwright-core');
      const sandboxless = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
      browser = await chromium.launch({ executablePath: options.executablePath, headless: true, args: [...sandboxless, ...BROWSER_ARGS, ...(options.extraArgs ?? [])] });
      const page = await browser.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.exposeFunction('pipeworksStepMessage', (jobKey: string, message: HeadlessMessage) => holder.self?.messages.get(jobKey)?.(message));
      await page.goto(url);
      const ready = await page.waitForFunction(() => typeof window.pipeworksHeadless === 'object', undefined, { timeout: 60_000 }).then(
        () => true,
        () => false,
      );
      if (!ready) throw new Error(`the runner page did not start${pageErrors.length ? `: ${pageErrors.join('; ')}` : ''}`);
      const probe = await page.evaluate(() => window.pipeworksHeadless.probe()).then(
        (p) => p,
        (error: Error) => Promise.reject(new Error(`measuring its TF.js backends failed: ${error.message}`)),
      );
      const self = new HeadlessBrowser(browser, page, server, probe, `Chromium ${browser.version()}`);
      holder.self = self;
      const gone = (reason: string) => {
        if (self.closing) return;
        self.gone ??= reason;
        options.onGone?.(reason);
      };
      page.on('crash', () => gone('its page crashed'));
      browser.on('disconnected', () => gone('it exited'));
      return self;
    } catch (error) {
      await browser?.close().catch(() => {});
      server.close();
      throw new Error(`The headless browser at ${options.executablePath} could not be used: ${(error as Error).message}`);
    }
  }

  /** The probe with a time limit: a launch that hangs must not hold the worker's start for ever. */
  static launchWithin(options: HeadlessBrowserOptions, ms = PROBE_TIMEOUT_MS): Promise<HeadlessBrowser> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`The headless browser at ${options.executablePath} did not start and measure itself within ${ms / 1000} s`)), ms);
    });
    return Promise.race([HeadlessBrowser.launch(options), timeout]).finally(() => clearTimeout(timer));
  }

  /** Why the browser went away on its own; undefined while it is there. */
  get goneReason(): string | undefined {
    return this.gone;
  }

  /** Where the worker keeps artifacts: set before the first step. */
  useStore(dir: string): void {
    this.storeDir = dir;
  }

  /** Seconds its fastest backend needs for the reference training (engine/backend-order.ts), for the log. */
  referenceSeconds(): number | undefined {
    const fastest = this.probe.speeds[0];
    return fastest && estimateSeconds(fastest, REFERENCE_WORK);
  }

  /**
   * Runs one step in the page. Its inputs (and any artifact it reads besides) are in the worker's
   * store already; its outputs are there when this returns. A node's failure is thrown as a
   * NodeRunError with the node's own code, as the step threads report it.
   */
  run(step: PlanStep, inputs: Record<string, ArtifactRef>, hooks: StepHooks): Promise<PoolStepResult> {
    const turn = this.queue.then(() => this.runNow(step, inputs, hooks));
    this.queue = turn.catch(() => {});
    return turn;
  }

  private async runNow(step: PlanStep, inputs: Record<string, ArtifactRef>, hooks: StepHooks): Promise<PoolStepResult> {
    if (hooks.signal.aborted) throw Object.assign(new Error('Cancelled'), { name: 'AbortError' });
    if (this.gone) throw new NodeRunError(step.id, 'worker_crashed', `This worker's headless browser is gone (${this.gone})`);
    const jobKey = String(this.nextJob++);
    this.messages.set(jobKey, (m) => (m.type === 'log' ? hooks.log(m.level, m.message) : hooks.progress(m.fraction, m.message, m.data)));
    const cancel = () => void this.page.evaluate((key) => window.pipeworksHeadless.cancel(key), jobKey).catch(() => {});
    hooks.signal.addEventListener('abort', cancel, { once: true });
    const adapter = this.probe.adapter ? `, WebGPU adapter ${this.probe.adapter} (${this.probe.webgpu})` : `, WebGPU ${this.probe.webgpu}`;
    hooks.log('info', `Running in headless ${this.version}${adapter}`);
    let outcome: StepOutcome;
    try {
      outcome = await this.page.evaluate(({ key, s, i }) => window.pipeworksHeadless.runStep(key, s, i), { key: jobKey, s: step, i: inputs });
    } catch (error) {
      // The page or browser died: the worker's trouble, not the node's; BullMQ retries it.
      throw new NodeRunError(step.id, 'worker_crashed', `The headless browser failed while running the step: ${(error as Error).message}`);
    } finally {
      hooks.signal.removeEventListener('abort', cancel);
      this.messages.delete(jobKey);
    }
    if (!outcome.ok) {
      if (outcome.code === 'cancelled') throw Object.assign(new Error(outcome.message), { name: 'AbortError' });
      throw new NodeRunError(step.id, outcome.code, outcome.message);
    }
    const { ok: _ok, ...result } = outcome;
    return result;
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.browser.close().catch(() => {});
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm' };

const PAGE = '<!doctype html><meta charset="utf-8"><title>Pipeworks worker browser</title><script src="runner.js"></script>';

async function serve(options: HeadlessBrowserOptions, store: () => string | undefined, secret: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const reply = (status: number, body: string | Uint8Array = '', type = 'text/plain; charset=utf-8') => void res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  try {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const prefix = `/${secret}/`;
    if (!url.pathname.startsWith(prefix)) return reply(404, 'Not found');
    const rest = decodeURIComponent(url.pathname.slice(prefix.length));
    if (rest === '' && req.method === 'GET') return reply(200, PAGE, TYPES['.html']);
    if (rest === 'runner.js' && req.method === 'GET') return reply(200, await readFile(options.pageScript), TYPES['.js']);
    const wasm = /^tfjs-wasm\/([\w.-]+\.wasm)$/.exec(rest);
    if (wasm && req.method === 'GET') return reply(200, await readFile(path.join(options.root, WASM_DIR, wasm[1])), TYPES['.wasm']);
    const artifact = /^artifacts\/([^/]+)$/.exec(rest);
    if (artifact) {
      const id = artifact[1];
      if (!isArtifactId(id)) return reply(400, `"${id}" is not an artifact id`);
      const storeDir = store();
      if (!storeDir) return reply(503, 'The worker has no store yet');
      const file = artifactPath(storeDir, id);
      if (req.method === 'HEAD') return reply((await stat(file).catch(() => null))?.isFile() ? 200 : 404);
      if (req.method === 'GET') {
        const bytes = await readFile(file).catch(() => null);
        return bytes ? reply(200, bytes, 'application/octet-stream') : reply(404, `The worker has no artifact ${id}`);
      }
      if (req.method === 'PUT') {
        const bytes = await readBody(req, MAX_UPLOAD_BYTES);
        if (sha256Hex(bytes) !== id) return reply(400, `The bytes sent as artifact ${id.slice(0, 12)}… hash to ${sha256Hex(bytes).slice(0, 12)}…`);
        await writeArtifactBytes(storeDir, bytes);
        return reply(201);
      }
      return reply(405, `${req.method} is not answered for artifacts`);
    }
    const bundled = /^bundled\/(.+)$/.exec(rest);
    if (bundled && req.method === 'GET') {
      const nodesDir = path.join(options.root, 'nodes');
      const file = path.resolve(nodesDir, bundled[1]);
      if (!file.startsWith(nodesDir + path.sep)) return reply(400, `"${bundled[1]}" is outside the node bundle`);
      const bytes = await readFile(file).catch(() => null);
      return bytes ? reply(200, bytes, 'application/octet-stream') : reply(404, `No bundled file "${bundled[1]}"`);
    }
    reply(404, 'Not found');
  } catch (error) {
    options.log?.(`[worker] the headless browser's file server failed on ${req.method} ${req.url}: ${(error as Error).message}`);
    if (!res.headersSent) reply(500, 'The worker could not answer');
    else res.destroy();
  }
}

async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > limit) throw new Error(`an upload over ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
