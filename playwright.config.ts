import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const CHROMIUM = process.env.PIPEWORKS_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  throw new Error(`No browser at ${CHROMIUM}. Install Debian's Chromium (apt-get install -y chromium) or set PIPEWORKS_CHROMIUM to a Chromium binary.`);
}

// 7000–7899: clear of the ports browsers refuse (6000, 6665–6669, 6697…), which Next also refuses.
const port = Number(process.env.E2E_PORT ?? 7000 + Math.floor(Math.random() * 900));
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'pipeworks-e2e-'));
process.env.E2E_DATA_DIR = dataDir;
process.env.E2E_PORT = String(port);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  timeout: 90_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: 'only-on-failure',
    viewport: { width: 1280, height: 720 },
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: `node node_modules/next/dist/bin/next start -H 127.0.0.1 -p ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { PIPEWORKS_DATA_DIR: dataDir, PIPEWORKS_TEST_NODES: '1', PORT: String(port) },
  },
});
