// Runs the `pipeworks` command as CI does: a fresh process from the repo root on one data directory.
import { spawnSync } from 'node:child_process';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cliOn(dataDir: string, env: Record<string, string> = {}) {
  return (args: string[], input?: string): CliResult => {
    const res = spawnSync(process.execPath, ['bin/pipeworks.mjs', ...args], {
      cwd: process.cwd(),
      env: { ...process.env, PIPEWORKS_DATA_DIR: dataDir, ...env },
      input,
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { code: res.status, stdout: res.stdout, stderr: res.stderr };
  };
}
