// The fused Adam kernel (nodes/train/mlp-adam-webgpu.ts) in Debian's Chromium with
// --enable-unsafe-webgpu (SwiftShader: slow, but a real WebGPU implementation). Node has no WebGPU,
// so this is where the kernel is checked: it must give the TF.js ops form's parameters and the
// float64 reference's, with and without L2, leak no tensors, and train the MLP to a falling loss.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, expect, test } from '@playwright/test';

const CHROMIUM = process.env.PIPEWORKS_CHROMIUM ?? '/usr/bin/chromium';

let server: Server;
let url: string;

test.beforeAll(async () => {
  const bundle = await build({
    entryPoints: [path.join(import.meta.dirname, 'fixtures', 'webgpu-adam.entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'error',
  });
  const script = bundle.outputFiles[0].text;
  // Served from 127.0.0.1: WebGPU needs a secure context, which localhost is.
  server = createServer((req, res) => {
    if (req.url === '/checks.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><script src="/checks.js"></script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

test('the fused WebGPU Adam step gives the ops form\'s parameters and trains the MLP', async () => {
  test.setTimeout(180_000);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--no-first-run', '--enable-unsafe-webgpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    const got = (await page.evaluate('runChecks()')) as {
      backend: string;
      fused: { form: string; theta: number[]; reference: number[] };
      ops: { form: string; theta: number[]; reference: number[] };
      fusedPlain: { form: string; theta: number[]; reference: number[] };
      leaked: number;
      losses: number[];
    };
    expect(got.backend).toBe('webgpu');
    expect(got.fused.form).toBe('fused-webgpu');
    expect(got.ops.form).toBe('ops');
    const maxGap = (a: number[], b: number[]) => Math.max(...a.map((x, i) => Math.abs(x - b[i])));
    expect(got.fused.theta).toHaveLength(1000);
    expect(maxGap(got.fused.theta, got.ops.theta)).toBeLessThan(1e-5);
    expect(maxGap(got.fused.theta, got.fused.reference)).toBeLessThan(1e-5);
    expect(maxGap(got.fusedPlain.theta, got.fusedPlain.reference)).toBeLessThan(1e-5);
    // L2 moved the masked parameters: the two runs differ.
    expect(maxGap(got.fused.theta, got.fusedPlain.theta)).toBeGreaterThan(1e-4);
    expect(got.leaked).toBe(0);
    expect(got.losses).toHaveLength(15);
    expect(got.losses.at(-1)!).toBeLessThan(got.losses[0] * 0.8);
  } finally {
    await browser.close();
  }
});
