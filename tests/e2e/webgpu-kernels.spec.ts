// The MLP's WebGPU kernels (nodes/train/mlp-adam-webgpu.ts, mlp-step-webgpu.ts) in Debian's
// Chromium with --enable-unsafe-webgpu (SwiftShader: slow, but a real WebGPU implementation).
// Node has no WebGPU, so this is where they are checked: the fused Adam step must give the TF.js
// ops form's parameters and the float64 reference's, with and without L2; the step kernels must
// give the ops' gradient and loss for every output and activation; the self-check training runs
// first must pass them; nothing may leak; and the training loop must bring the loss down.
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
    entryPoints: [path.join(import.meta.dirname, 'fixtures', 'webgpu-kernels.entry.ts')],
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

test('the WebGPU kernels give the ops\' parameters, gradients and losses, and train the MLP', async () => {
  test.setTimeout(180_000);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--no-first-run', '--enable-unsafe-webgpu'] });
  try {
    const page = await browser.newPage();
    // A shader that fails to compile shows up here, not in the evaluate's error.
    page.on('console', (m) => m.type() !== 'log' && console.log(`[browser ${m.type()}] ${m.text()}`));
    await page.goto(url);
    const got = (await page.evaluate('runChecks()')) as {
      backend: string;
      kernelProblem: string | null;
      fused: { form: string; theta: number[]; reference: number[] };
      ops: { form: string; theta: number[]; reference: number[] };
      fusedPlain: { form: string; theta: number[]; reference: number[] };
      gradientCases: { name: string; kernelsAvailable: boolean; fused: { grad: number[]; loss: number }; ops: { grad: number[]; loss: number } }[];
      leaked: number;
      losses: number[];
    };
    expect(got.backend).toBe('webgpu');
    // The check training runs before it uses the kernels passes here.
    expect(got.kernelProblem).toBeNull();
    expect(got.fused.form).toBe('fused-webgpu');
    expect(got.ops.form).toBe('ops');
    const maxGap = (a: number[], b: number[]) => Math.max(...a.map((x, i) => Math.abs(x - b[i])));
    expect(got.fused.theta).toHaveLength(1000);
    expect(maxGap(got.fused.theta, got.ops.theta)).toBeLessThan(1e-5);
    expect(maxGap(got.fused.theta, got.fused.reference)).toBeLessThan(1e-5);
    expect(maxGap(got.fusedPlain.theta, got.fusedPlain.reference)).toBeLessThan(1e-5);
    // L2 moved the masked parameters: the two runs differ.
    expect(maxGap(got.fused.theta, got.fusedPlain.theta)).toBeGreaterThan(1e-4);
    expect(got.gradientCases).toHaveLength(5);
    for (const c of got.gradientCases) {
      expect(c.kernelsAvailable, c.name).toBe(true);
      const scale = Math.max(...c.ops.grad.map(Math.abs));
      expect(scale, c.name).toBeGreaterThan(1e-3);
      expect(maxGap(c.fused.grad, c.ops.grad) / scale, c.name).toBeLessThan(1e-4);
      expect(Math.abs(c.fused.loss - c.ops.loss) / Math.abs(c.ops.loss), c.name).toBeLessThan(1e-5);
    }
    expect(got.leaked).toBe(0);
    expect(got.losses).toHaveLength(15);
    expect(got.losses.at(-1)!).toBeLessThan(got.losses[0] * 0.8);
  } finally {
    await browser.close();
  }
});
